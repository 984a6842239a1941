import { describe, expect, it } from "vitest";

import { classifyUrl, filterEmailCss } from "./email-css";

const blocked = { allowRemoteImages: false };
const allowed = { allowRemoteImages: true };

describe("classifyUrl", () => {
  it.each([
    ["http://t.example/p.gif", "remote"],
    ["HTTPS://t.example/p.gif", "remote"],
    ["//t.example/p.gif", "remote"],
    ["\\\\t.example/p.gif", "remote"],
    [" \u0001https://t.example", "remote"],
    ["ht\ttp://t.example", "remote"],
    ["https:t.example/p.gif", "remote"],
    ["data:image/png;base64,AAAA", "data"],
    ["cid:logo@x", "cid"],
    ["#grad", "fragment"],
    ["/api/messages", "other"],
    ["javascript:alert(1)", "other"],
    ["", "other"],
  ])("classifies %j as %s", (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});

describe("filterEmailCss", () => {
  it("removes remote url() references while remote images are blocked, and counts them", () => {
    expect(filterEmailCss("background: #fff url(http://t.example/a.png) no-repeat; color: red", blocked)).toEqual({
      css: "background: #fff none no-repeat; color: red",
      blockedRemoteImages: 1,
    });
    expect(filterEmailCss(`a{background:URL( "https://t.example/a.png" )} b{background-image:url('//t.example/b.png')}`, blocked)).toEqual({
      css: "a{background:none} b{background-image:none}",
      blockedRemoteImages: 2,
    });
  });

  it("keeps remote url() references once remote images are allowed", () => {
    const css = "background: url(https://t.example/a.png)";
    expect(filterEmailCss(css, allowed)).toEqual({ css, blockedRemoteImages: 0 });
  });

  it("keeps data: and fragment URLs, removes relative, cid: and script URLs always", () => {
    expect(filterEmailCss("background:url(data:image/png;base64,AAAA);filter:url(#f)", blocked).css).toBe(
      "background:url(data:image/png;base64,AAAA);filter:url(#f)",
    );
    for (const url of ["/api/messages", "cid:a", "javascript:alert(1)"]) {
      expect(filterEmailCss(`background:url(${url})`, allowed)).toEqual({ css: "background:none", blockedRemoteImages: 0 });
    }
  });

  it("treats image-set() and cross-fade() like url()", () => {
    expect(
      filterEmailCss(`background-image: -webkit-image-set("http://t.example/1.png" 1x, url(data:image/png;base64,AA) 2x)`, blocked),
    ).toEqual({
      css: "background-image: none",
      blockedRemoteImages: 1,
    });
    expect(filterEmailCss(`background-image: image-set(url(data:image/png;base64,AA) 1x)`, blocked).css).toBe(
      "background-image: image-set(url(data:image/png;base64,AA) 1x)",
    );
    expect(filterEmailCss("background: cross-fade(url(https://a/x.png), url(https://a/y.png), 50%)", blocked).blockedRemoteImages).toBe(2);
  });

  it("drops @import, expression() and bindings", () => {
    expect(filterEmailCss('@import url("https://evil/x.css"); @import "https://evil/y.css"; p{color:red}', allowed).css?.trim()).toBe(
      "p{color:red}",
    );
    expect(filterEmailCss("width: expression(alert(1)); color: red", allowed).css).toBe("width: none; color: red");
    expect(filterEmailCss("behavior: url(x.htc); -moz-binding: url(x.xml#y); scroll-behavior: smooth", allowed).css?.trim()).toBe(
      "scroll-behavior: smooth",
    );
  });

  it("closes an unterminated url() the way browsers do", () => {
    expect(filterEmailCss("background:url(http://t.example/a.png", blocked)).toEqual({ css: "background:none", blockedRemoteImages: 1 });
  });

  it("drops CSS whose escapes hide a fetch", () => {
    expect(filterEmailCss("background: \\75 rl(http://evil/a.png)", allowed)).toEqual({ css: null, blockedRemoteImages: 0 });
    expect(filterEmailCss("@\\69mport 'http://evil/x.css';", allowed).css).toBeNull();
  });

  it("keeps harmless escapes", () => {
    const css = 'q::before{content:"\\201C"}';
    expect(filterEmailCss(css, blocked)).toEqual({ css, blockedRemoteImages: 0 });
  });

  it("does not touch look-alike names", () => {
    const css = "background-image: linear-gradient(red, blue); font-family: myurl";
    expect(filterEmailCss(css, blocked)).toEqual({ css, blockedRemoteImages: 0 });
  });

  it("reports empty CSS as null", () => {
    expect(filterEmailCss("   ", blocked).css).toBeNull();
    expect(filterEmailCss("@import url(x.css);", blocked).css).toBeNull();
  });
});
