// An app that imports only an error guard: nothing else of the package may reach its bundle. Any
// module-level work a bundler must keep (a `new RegExp` of a template, `64 * 1024`, a call not
// marked pure) would land here, in every bundle of the package.
import { isApiError } from "../src";

window.addEventListener("unhandledrejection", (event) => {
  if (isApiError(event.reason)) document.title = `API error ${event.reason.status}`;
});
