#!/usr/bin/env python3
"""The multi-instance test: one etcd on loopback, three `bers serve` processes reading their
configuration and tenants from it.

    python3 Scripts/fleet-test.py [--bin DIR] [--puts N]

Checks, and prints the figures of:
1. a tenant put with the CLI is served by all three instances within 1 s;
2. N puts (default 100) straight to etcd: put -> served by all three, p50 and max;
3. an invalid tenant document is refused by `bers tenant put`, and, written anyway with --force,
   refused by all three servers, which keep serving the previous document;
4. an invalid layer edit is refused by all three, which keep the previous generation;
5. etcd stopped for 5 s and restarted: no request to any instance fails meanwhile, /readyz stays
   ready, /v1/status says since when the feed is stale, and a change made right after the restart
   reaches all three;
6. the servers cut off from a running etcd for 3 s (they reach it through a TCP proxy): a change
   made meanwhile reaches all three once the network heals (the watch resumes from its revision);
7. the watch connections dying silently (the proxy stops forwarding without closing): the
   watchdog notices etcd is ahead and reconnects, and a change made meanwhile arrives.
Every loop is bounded; etcd and the servers are stopped at the end, also on failure. Exit 0 when
every check passes.
"""

import argparse
import base64
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TENANT_HASH = "de113d6b3e07e5"
TENANT_FILE = os.path.join(ROOT, "Examples/picasso/tenants/tenants/DEMO300003/DEMO300003-config.json")
TENANT_KEY = "tenants/DEMO300003/DEMO300003-config.json"
PREFIX = "fleet"


def log(message):
    print(f"fleet-test: {message}", flush=True)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    log(f"ok: {message}")


def http_get(url, timeout=2.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, json.loads(response.read())


def etcd_call(endpoint, path, body):
    request = urllib.request.Request(
        endpoint + path, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def etcd_put(endpoint, key, value_bytes):
    encode = lambda b: base64.b64encode(b).decode()
    etcd_call(endpoint, "/v3/kv/put", {"key": encode(f"{PREFIX}/{key}".encode()), "value": encode(value_bytes)})


def etcd_get(endpoint, key):
    encode = lambda b: base64.b64encode(b).decode()
    answer = etcd_call(endpoint, "/v3/kv/range", {"key": encode(f"{PREFIX}/{key}".encode())})
    return base64.b64decode(answer["kvs"][0]["value"])


class Etcd:
    def __init__(self, state_dir):
        self.env = dict(os.environ, BERS_ETCD_STATE_DIR=state_dir)
        self.endpoint = None

    def start(self):
        out = subprocess.run(
            [os.path.join(ROOT, "Scripts/start-etcd.sh")], env=self.env, check=True, capture_output=True, text=True
        )
        self.endpoint = out.stdout.strip().split("=", 1)[1]

    def stop(self, keep_data=False):
        args = [os.path.join(ROOT, "Scripts/stop-etcd.sh")] + (["--keep-data"] if keep_data else [])
        subprocess.run(args, env=self.env, check=False, capture_output=True)

    @property
    def url(self):
        return "etcd://" + self.endpoint.removeprefix("http://") + "/" + PREFIX


class Proxy:
    """A TCP proxy on loopback between the servers and etcd: `cut()` drops every connection and
    refuses new ones (a network partition, etcd itself still up), `heal()` accepts again;
    `freeze()` silently stops forwarding on the connections open now, without closing them (a
    connection that died without a FIN), while new connections work."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.connections = []
        self.epoch = 0
        self.frozen_below = 0
        self.lock = threading.Lock()
        self.listener = None
        self.heal()

    def heal(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def freeze(self):
        with self.lock:
            self.epoch += 1
            self.frozen_below = self.epoch

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave it accepting.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for connection in self.connections:
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                connection.close()
            self.connections = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if listener is not self.listener:
                client.close()
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=2)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            for end in (client, upstream):
                end.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.connections += [client, upstream]
                epoch = self.epoch
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target, epoch), daemon=True).start()

    def _pump(self, source, target, epoch):
        try:
            while data := source.recv(65536):
                if epoch >= self.frozen_below:
                    target.sendall(data)
        except OSError:
            pass
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Server:
    """One `bers serve --config-dir etcd://…` on a free loopback port."""

    def __init__(self, bers, etcd_url, index, log_dir):
        self.log = open(os.path.join(log_dir, f"serve-{index}.log"), "w")
        self.process = subprocess.Popen(
            [bers, "serve", "--config-dir", etcd_url, "--env", "staging", "--port", "0", "--log-level", "warning"],
            stdout=subprocess.PIPE, stderr=self.log, text=True, cwd=log_dir,
        )
        self.base = None

    def wait_listening(self, deadline):
        line = ""
        while time.monotonic() < deadline and not line:
            line = self.process.stdout.readline().strip()
        if not line.startswith("listening on "):
            raise Failure(f"a server did not start: {line!r} (see {self.log.name})")
        self.base = line.removeprefix("listening on ")

    def tenant(self):
        return http_get(f"{self.base}/v1/tenants/{TENANT_HASH}?env=staging")[1]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                return -9
        return self.process.returncode


def wait_all(servers, predicate, limit, started=None):
    """Seconds from `started` (default: now) until `predicate(server)` holds for every server
    (polled in parallel), or None after `limit` seconds."""
    started = started or time.monotonic()
    reached = [None] * len(servers)

    def poll(index, server):
        while time.monotonic() - started < limit:
            try:
                if predicate(server):
                    reached[index] = time.monotonic() - started
                    return
            except (urllib.error.URLError, OSError, KeyError):
                pass
            time.sleep(0.002)

    threads = [threading.Thread(target=poll, args=(i, s)) for i, s in enumerate(servers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return None if None in reached else max(reached)


def titled(title):
    return lambda server: server.tenant()["tenant"]["chat_title"] == title


def document(title):
    with open(TENANT_FILE) as file:
        tenant = json.load(file)
    tenant["chat_title"] = title
    return tenant


def cli_put(bers, etcd_url, tenant, workdir, force=False):
    path = os.path.join(workdir, "tenant.json")
    with open(path, "w") as file:
        json.dump(tenant, file)
    args = [bers, "tenant", "put", path, "--store", etcd_url, "--config-dir", os.path.join(ROOT, "Examples/picasso/config")]
    return subprocess.run(args + (["--force"] if force else []), capture_output=True, text=True)


def propagation(servers, etcd, count):
    """Puts straight to etcd, each timed until all three serve it."""
    times = []
    for number in range(count):
        title = f"Propagation {number}"
        body = json.dumps(document(title)).encode()
        started = time.monotonic()
        etcd_put(etcd.endpoint, TENANT_KEY, body)
        elapsed = wait_all(servers, titled(title), 2.0, started=started)
        if elapsed is None:
            raise Failure(f"put {number} was not served by all three within 2 s")
        times.append(elapsed)
    return times


def outage(bers, servers, etcd, workdir):
    """etcd down for 5 s: every request succeeds; a change right after the restart arrives."""
    failures, answered = [], [0]
    stop = threading.Event()

    def load():
        while not stop.is_set():
            for server in servers:
                try:
                    status, _ = http_get(f"{server.base}/v1/tenants/{TENANT_HASH}?env=staging")
                    ready, _ = http_get(f"{server.base}/readyz")
                    if status != 200 or ready != 200:
                        failures.append((status, ready))
                    answered[0] += 1
                except (urllib.error.URLError, OSError) as error:
                    failures.append(str(error))
            time.sleep(0.01)

    # A valid, fresh document everywhere first: cached for the TTL, so the change made after the
    # restart can only arrive through the watch.
    check(cli_put(bers, etcd.url, document("Before the outage"), workdir).returncode == 0, "a valid put before the outage")
    check(wait_all(servers, titled("Before the outage"), 2.0) is not None, "all three serve it")
    loader = threading.Thread(target=load)
    loader.start()
    try:
        etcd.stop(keep_data=True)
        time.sleep(1.0)
        stale = [http_get(f"{server.base}/v1/status")[1]["feed"] for server in servers]
        check(all(not feed["connected"] and feed["stale_since"] for feed in stale),
              "while etcd is down, every /v1/status says the feed is disconnected and stale since "
              + stale[0]["stale_since"])
        gauges = []
        for server in servers:
            with urllib.request.urlopen(f"{server.base}/metrics", timeout=2) as response:
                text = response.read().decode()
            gauges += [line for line in text.splitlines() if line.startswith("bers_feed_connected{")]
        check(len(gauges) == 3 and all(line.split()[-1] in ("0", "0.0") for line in gauges),
              "and /metrics says bers_feed_connected 0")
        time.sleep(4.0)
        etcd.start()
        restarted = time.monotonic()
        put = cli_put(bers, etcd.url, document("After the outage"), workdir)
        check(put.returncode == 0, "a tenant put right after etcd restarts succeeds")
        elapsed = wait_all(servers, titled("After the outage"), 10.0)
        check(elapsed is not None,
              f"the change made after the restart reached all three, {time.monotonic() - restarted:.2f} s after the restart")
    finally:
        stop.set()
        loader.join()
    check(not failures and answered[0] > 0,
          f"no request failed during the outage ({answered[0]} tenant and readiness requests to 3 instances)")
    connected = lambda server: (lambda feed: feed["connected"] and feed["reconnects"] >= 1)(
        http_get(f"{server.base}/v1/status")[1]["feed"])
    check(wait_all(servers, connected, 5.0) is not None, "every instance reconnected to etcd (with backoff)")


def partition(bers, servers, etcd, proxy, workdir):
    """The servers cut off from a running etcd for 3 s: a change made meanwhile arrives once the
    network heals (each resumes its watch from the last revision it saw)."""
    proxy.cut()
    time.sleep(0.5)
    put = cli_put(bers, etcd.url, document("During the partition"), workdir)
    check(put.returncode == 0, "a tenant put while the servers are cut off from etcd succeeds")
    time.sleep(2.5)
    answers = [server.tenant()["tenant"]["chat_title"] for server in servers]
    check(all(title != "During the partition" for title in answers),
          "cut off, the servers still serve the previous document")
    healed = time.monotonic()
    proxy.heal()
    elapsed = wait_all(servers, titled("During the partition"), 10.0, started=healed)
    check(elapsed is not None, f"the change made during the partition reached all three {elapsed or 0:.2f} s after it healed")


def dead_connection(bers, servers, etcd, proxy, workdir):
    """The watch connections die without closing: the watchdog (every 5 s) sees etcd ahead of
    the watch and reconnects, so a change made meanwhile still arrives. The idle pooled
    connections died too: a read sent on one times out (4 s) and is retried (5 s later)."""
    proxy.freeze()
    started = time.monotonic()
    put = cli_put(bers, etcd.url, document("Behind a dead connection"), workdir)
    check(put.returncode == 0, "a tenant put while the watch connections are silently dead succeeds")
    elapsed = wait_all(servers, titled("Behind a dead connection"), 40.0, started=started)
    check(elapsed is not None and elapsed <= 30.0,
          f"the watchdog noticed the dead watch and the change reached all three in {elapsed or 0:.1f} s")


def refused_tenant(bers, servers, etcd, workdir):
    previous = "Before the invalid put"
    check(cli_put(bers, etcd.url, document(previous), workdir).returncode == 0, "a valid tenant put succeeds")
    check(wait_all(servers, titled(previous), 2.0) is not None, "all three serve it")
    invalid = document(previous)
    invalid["chat_title"] = 12345
    refused = cli_put(bers, etcd.url, invalid, workdir)
    check(refused.returncode == 1 and "nothing was written" in refused.stderr,
          "bers tenant put refuses an invalid document (exit 1, nothing written)")
    check(cli_put(bers, etcd.url, invalid, workdir, force=True).returncode == 0,
          "bers tenant put --force writes it anyway")
    time.sleep(1.0)
    answers = [server.tenant() for server in servers]
    check(all(a["tenant"]["chat_title"] == previous and a["source"] == "stale" for a in answers),
          "all three refuse it and keep serving the previous document (source: stale)")


def refused_layer(servers, etcd):
    staging = json.loads(etcd_get(etcd.endpoint, "config/staging.json"))
    staging["api"]["timeout"] = 8100
    etcd_put(etcd.endpoint, "config/staging.json", json.dumps(staging).encode())
    timeout_is = lambda value: lambda s: http_get(f"{s.base}/v1/config/staging?path=api.timeout")[1]["value"] == value
    elapsed = wait_all(servers, timeout_is(8100), 3.0)
    check(elapsed is not None, f"a valid layer edit is applied by all three in {elapsed or 0:.3f} s")
    staging["api"]["timeout"] = "not a number"
    etcd_put(etcd.endpoint, "config/staging.json", json.dumps(staging).encode())
    time.sleep(1.0)
    statuses = [http_get(f"{s.base}/v1/status")[1]["environments"][0]["last_reload"] for s in servers]
    check(all(timeout_is(8100)(s) for s in servers) and all(st["event"] == "refused" for st in statuses),
          "an invalid layer edit is refused by all three, which keep the previous generation")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=None, help="the directory of bers and bers-net (default: swift build's)")
    parser.add_argument("--puts", type=int, default=100)
    options = parser.parse_args()
    bin_dir = options.bin or subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    bers = os.path.abspath(os.path.join(bin_dir, "bers"))
    workdir = tempfile.mkdtemp(prefix="bers-fleet-")
    etcd = Etcd(os.path.join(workdir, "etcd"))
    servers = []
    passed = False
    try:
        etcd.start()
        seed = subprocess.run(
            [bers, "sync", "--from", "file://" + os.path.join(ROOT, "Examples/picasso/tenants"), "--to", etcd.url,
             "--config-from", os.path.join(ROOT, "Examples/picasso/config")],
            capture_output=True, text=True,
        )
        check(seed.returncode == 0, "bers sync seeds etcd: " + seed.stdout.strip().splitlines()[-1])
        proxy = Proxy(int(etcd.endpoint.rsplit(":", 1)[1]))
        served_url = f"etcd://127.0.0.1:{proxy.port}/{PREFIX}"
        servers = [Server(bers, served_url, index, workdir) for index in range(3)]
        deadline = time.monotonic() + 30
        for server in servers:
            server.wait_listening(deadline)
        check(all(s.tenant()["tenant_hash"] == TENANT_HASH for s in servers), "three instances serve the tenant")

        started = time.monotonic()
        put = cli_put(bers, etcd.url, document("Fleet CLI put"), workdir)
        written = time.monotonic()
        check(put.returncode == 0, "bers tenant put to etcd succeeds")
        elapsed = wait_all(servers, titled("Fleet CLI put"), 3.0)
        check(elapsed is not None and elapsed <= 1.0,
              f"the CLI put is served by all three {elapsed or 0:.3f} s after it returned "
              f"({written - started + (elapsed or 0):.3f} s after the command started)")

        times = propagation(servers, etcd, options.puts)
        p50, worst = statistics.median(times), max(times)
        log(f"propagation over {len(times)} puts, put -> served by all 3: p50 {p50 * 1000:.1f} ms, "
            f"p90 {statistics.quantiles(times, n=10)[-1] * 1000:.1f} ms, max {worst * 1000:.1f} ms")
        check(worst <= 1.0, "every put reached all three within 1 s")

        refused_tenant(bers, servers, etcd, workdir)
        refused_layer(servers, etcd)
        outage(bers, servers, etcd, workdir)
        partition(bers, servers, etcd, proxy, workdir)
        dead_connection(bers, servers, etcd, proxy, workdir)

        codes = [server.stop() for server in servers]
        check(codes == [0, 0, 0], "SIGTERM stops the three instances with exit 0")
        log("passed")
        passed = True
        return 0
    except Failure as failure:
        log(f"FAILED: {failure}")
        for index in range(len(servers)):
            path = os.path.join(workdir, f"serve-{index}.log")
            print(f"--- {path} (last lines)", file=sys.stderr)
            with open(path) as file:
                sys.stderr.writelines(file.readlines()[-15:])
        return 1
    finally:
        for server in servers:
            server.stop()
        etcd.stop()
        if passed:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
