import { describe, expect, it } from "vitest";

import { clientIp } from "./client-ip";
import { readSocketAddress, SOCKET_ADDRESS_HEADER, socketAddressValue } from "./socket-address";

const from = (socket: string, xff?: string) =>
  new Headers({ [SOCKET_ADDRESS_HEADER]: socketAddressValue(socket), ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("clientIp", () => {
  it("with no trusted proxy, is the socket address whatever X-Forwarded-For says", () => {
    expect(clientIp(from("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(from("203.0.113.7", "6.6.6.6"), 0)).toBe("203.0.113.7");
    expect(clientIp(from("::ffff:203.0.113.7", "6.6.6.6, 7.7.7.7"), 0)).toBe("203.0.113.7");
  });

  it("behind N trusted proxies, takes the address the outermost one appended", () => {
    // haproxy on loopback appended the client; the client wrote 6.6.6.6 itself.
    expect(clientIp(from("127.0.0.1", "6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(
      clientIp(
        { [SOCKET_ADDRESS_HEADER]: socketAddressValue("127.0.0.1"), "x-forwarded-for": ["6.6.6.6", "203.0.113.7"] },
        1,
      ),
    ).toBe("203.0.113.7");
    // nginx, then haproxy: two hops.
    expect(clientIp(from("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.5"), 2)).toBe("203.0.113.7");
    // A proxy that saw no header: the leftmost is all there is.
    expect(clientIp(from("127.0.0.1"), 1)).toBe("127.0.0.1");
    expect(clientIp(from("10.0.0.5", "203.0.113.7"), 3)).toBe("203.0.113.7");
  });

  it("says unknown when the socket address is missing or was written by the client", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("unknown");
    expect(clientIp(new Headers({ [SOCKET_ADDRESS_HEADER]: "guessed 6.6.6.6" }), 0)).toBe("unknown");
    expect(clientIp(new Headers({ "x-real-ip": "6.6.6.6" }), 0)).toBe("unknown");
    expect(clientIp(undefined, 0)).toBe("unknown");
    expect(readSocketAddress(socketAddressValue("198.51.100.1"))).toBe("198.51.100.1");
  });
});
