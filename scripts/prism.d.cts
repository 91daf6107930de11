export interface RunningPrism {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
  log(): string;
}
export function startPrism(options?: { spec?: string; timeoutMs?: number }): Promise<RunningPrism>;
