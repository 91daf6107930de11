import { isValidationError } from "../src";
import { tlsSettingsOf } from "../src/config/tls-settings";

const SOURCE = 'clouds.yaml cloud "c" (/x/clouds.yaml)';
const of = (values: Record<string, unknown>, env: Record<string, string> = {}) => tlsSettingsOf(values as never, env, SOURCE);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(isValidationError(e)).toBe(true);
    return e as { parameter: string; message: string };
  }
  throw new Error("expected a VpnaasValidationError");
};

describe("tlsSettingsOf", () => {
  test("the defaults are no settings at all", () => {
    expect(of({})).toBeUndefined();
    expect(of({ cacert: "", cert: null, verify: true, insecure: false }, { OS_INSECURE: "" })).toBeUndefined();
  });
  test.each(["false", " FALSE ", "No", "off", "0", false])("%j as verify turns checks off", (word) => {
    expect(of({ verify: word })).toEqual({ verify: false, names: { verify: "verify" }, source: SOURCE });
  });
  test.each(["true", " True ", "YES", "on", "1", true])("%j as insecure turns checks off", (word) => {
    expect(of({ insecure: word })).toEqual({ verify: false, names: { verify: "insecure" }, source: SOURCE });
  });
  test.each(["maybe", 2, ["x"]])("a flag that is not true or false (%j) is refused, naming it", (word) => {
    const err = refusal(() => of({ insecure: word }));
    expect([err.parameter, err.message]).toEqual(["insecure", `${SOURCE}: insecure must be true or false. Nothing was sent.`]);
  });
  test.each(["true", " Yes ", "ON", "1"])("%j as verify keeps checks on: it is a flag, not a CA bundle", (word) => {
    expect(of({ verify: word })).toBeUndefined();
  });
  test("empty verify and insecure (null in YAML) are as if absent", () => {
    expect(of({ verify: null, insecure: null })).toBeUndefined();
  });
  test("a verify that is neither a flag nor a path is refused, naming verify", () => {
    const err = refusal(() => of({ verify: 2 }));
    expect([err.parameter, err.message]).toEqual(["verify", `${SOURCE}: verify must be true or false. Nothing was sent.`]);
  });
  test("verify naming a file is the CA bundle, unless cacert is given too", () => {
    expect(of({ verify: "/a/ca.pem" })).toEqual({ cacert: "/a/ca.pem", verify: true, names: { cacert: "verify" }, source: SOURCE });
    expect(of({ verify: "/a/ca.pem", cacert: "/b/ca.pem" })).toMatchObject({ cacert: "/b/ca.pem", names: { cacert: "cacert" } });
  });
  test("a path that is not a string is refused, naming it", () => {
    const err = refusal(() => of({ cert: 42 }));
    expect([err.parameter, err.message]).toEqual(["cert", `${SOURCE}: cert must be a file path. Nothing was sent.`]);
  });
  test("the environment wins, each setting under its own name", () => {
    expect(of({ cacert: "/a", cert: "/c", key: "/k" }, { OS_CACERT: "/A", OS_CERT: "/C", OS_KEY: "/K" })).toEqual({
      cacert: "/A", cert: "/C", key: "/K", verify: true, names: { cacert: "OS_CACERT", cert: "OS_CERT", key: "OS_KEY" }, source: SOURCE,
    });
    expect(of({ insecure: true }, { OS_INSECURE: "no" })).toBeUndefined();
    expect(of({ cacert: "/a" }, { OS_INSECURE: "yes" })).toEqual({ cacert: "/a", verify: false, names: { cacert: "cacert", verify: "OS_INSECURE" }, source: SOURCE });
    expect(refusal(() => of({}, { OS_INSECURE: "perhaps" })).parameter).toBe("OS_INSECURE");
  });
  test("a key without a certificate is refused, under the name it was given", () => {
    expect(refusal(() => of({ key: "/k" })).message).toBe(`${SOURCE}: key given without cert (the client certificate). Nothing was sent.`);
    expect(refusal(() => of({}, { OS_KEY: "/k" })).message).toBe(`${SOURCE}: OS_KEY given without cert (the client certificate). Nothing was sent.`);
    expect(of({ cert: "/c" })).toEqual({ cert: "/c", verify: true, names: { cert: "cert" }, source: SOURCE });
  });
});
