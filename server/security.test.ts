import { describe, expect, it } from "vitest";
import { siteFromEnv, SiteConfigError } from "./security.ts";

describe("the site's origin and host names", () => {
  it("without PUBLIC_URL the site is local only: localhost, 127.0.0.1 and [::1] on our port", () => {
    const site = siteFromEnv(undefined, 3000);
    expect(site).toMatchObject({ publicOrigin: "http://localhost:3000", configured: false });
    expect(site.hosts.get("localhost:3000")).toBe("http://localhost:3000");
    expect(site.hosts.get("127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
    expect(site.hosts.get("[::1]:3000")).toBe("http://[::1]:3000");
    for (const other of ["evil.example", "localhost:3001", "localhost", "192.0.2.10:3000"]) expect(site.hosts.has(other), other).toBe(false);
  });

  it("with PUBLIC_URL its host (with or without the default port) maps to it; the loopback names stay", () => {
    const site = siteFromEnv("https://Exchange.Example.org/", 8080);
    expect(site).toMatchObject({ publicOrigin: "https://exchange.example.org", configured: true });
    expect(site.hosts.get("exchange.example.org")).toBe("https://exchange.example.org");
    expect(site.hosts.get("exchange.example.org:443")).toBe("https://exchange.example.org");
    expect(site.hosts.get("127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(site.hosts.has("exchange.example.org:80")).toBe(false);
  });

  it("refuses a PUBLIC_URL that is not an http(s) origin", () => {
    for (const bad of [
      "exchange.example.org",
      "ftp://exchange.example.org",
      "https://exchange.example.org/app",
      "https://u:p@exchange.example.org",
      "https://exchange.example.org/?x=1",
    ]) {
      expect(() => siteFromEnv(bad, 3000), bad).toThrow(SiteConfigError);
    }
  });
});
