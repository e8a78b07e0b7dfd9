"""Time from starting a server to its first 200 on a URL, in milliseconds.

    python startup.py URL -- COMMAND...

Starts COMMAND, polls URL every millisecond until it answers 200 (at most 60 s), prints the
elapsed milliseconds, then stops the server (SIGINT, as Ctrl-C would) and waits for it.
"""

import http.client
import signal
import subprocess
import sys
import time
import urllib.parse


def main() -> int:
    split = sys.argv.index("--")
    url = urllib.parse.urlsplit(sys.argv[1])
    command = sys.argv[split + 1 :]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = None
    try:
        while time.perf_counter() - started < 60:
            if server.poll() is not None:
                print(f"the server exited with status {server.returncode}", file=sys.stderr)
                return 1
            try:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=1)
                conn.request("GET", url.path or "/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    elapsed = (time.perf_counter() - started) * 1000
                    break
            except OSError:
                pass
            time.sleep(0.001)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    if elapsed is None:
        print("no 200 within 60 s", file=sys.stderr)
        return 1
    print(f"{elapsed:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
