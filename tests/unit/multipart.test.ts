import { describe, expect, it } from "vitest";
import { isMultipartForm, isWellFormedMultipart } from "@/app/_lib/multipart";

const encoder = new TextEncoder();
const form = '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n';

describe("multipart forms from outside", () => {
  it("knows a multipart form by its Content-Type", () => {
    expect(isMultipartForm("multipart/form-data; boundary=xyz")).toBe(true);
    expect(isMultipartForm("Multipart/Form-Data")).toBe(true);
    expect(isMultipartForm("application/x-www-form-urlencoded")).toBe(false);
    expect(isMultipartForm(undefined)).toBe(false);
  });

  it.each([
    ["a well-formed form", "multipart/form-data; boundary=xyz", form, true],
    ["no boundary", "multipart/form-data", form, false],
    ["another boundary", "multipart/form-data; boundary=abc", form, false],
    ["a body that is no form", "multipart/form-data; boundary=xyz", "garbage", false],
    ["a form cut short", "multipart/form-data; boundary=xyz", form.slice(0, 30), false],
  ])("%s: %s", (_label, contentType, body, expected) => {
    return expect(isWellFormedMultipart(contentType, encoder.encode(body))).resolves.toBe(expected);
  });
});
