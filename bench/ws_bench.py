"""WebSocket load on the consultation hub (issue #12): holds N sockets, two per conversation
(the asker's phone and a second device of theirs), sends M messages a second through one side
and times each message's arrival at the other. With two base URLs the two sides of every
conversation sit on different instances, so every delivery crosses the PostgreSQL relay.

Each message carries the time it was scheduled to leave (not the time the client got round to
sending it), so a client falling behind shows as latency instead of hiding; each message number
is counted once however many times it arrives; messages never delivered are reported as lost.

Prints connections held, messages a second delivered, lost, and delivery latency p50/p99. Asserts nothing.

    python bench/ws_bench.py KEYS_FILE CONNECTIONS RATE SECONDS WS_BASE [WS_BASE_2]
"""
import asyncio
import json
import sys
import time
import uuid

from websockets.asyncio.client import connect


class Counter:
    def __init__(self):
        self.latencies = []
        self.seen = set()
        self.repeats = 0
        self.acks = 0
        self.errors = {}
        self.opened = 0
        self.failed = 0
        self.closed = 0


async def reader(ws, counter, measure):
    try:
        async for raw in ws:
            frame = json.loads(raw)
            kind = frame.get("type")
            if kind == "ack":
                counter.acks += 1
            elif kind == "error":
                counter.errors[frame.get("code")] = counter.errors.get(frame.get("code"), 0) + 1
            elif kind == "update" and measure:
                now = time.perf_counter_ns()
                for message in frame.get("messages", []):
                    parts = message.get("body", "").split(" ")
                    if len(parts) == 3 and parts[0] == "bench":
                        number = int(parts[2])
                        if number in counter.seen:
                            counter.repeats += 1
                            continue
                        counter.seen.add(number)
                        counter.latencies.append((now - int(parts[1])) / 1e6)
    except Exception:
        pass
    counter.closed += 1


async def open_socket(base, conversation, key, counter, measure, tasks, gate):
    async with gate:
        for attempt in range(3):
            try:
                ws = await connect(f"{base}/consult/{conversation}/live", additional_headers={"X-Consultation-Key": key},
                                   open_timeout=60, ping_interval=None, max_queue=None)
                counter.opened += 1
                tasks.append(asyncio.create_task(reader(ws, counter, measure)))
                return ws
            except Exception as error:  # a refused connection is counted, not fatal
                if attempt == 2:
                    counter.failed += 1
                    counter.errors[type(error).__name__] = counter.errors.get(type(error).__name__, 0) + 1
                await asyncio.sleep(0.5)
    return None


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def main():
    keys_file, connections, rate, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    bases = sys.argv[5:7]
    pairs = [line.split() for line in open(keys_file) if line.strip()][: connections // 2]
    counter = Counter()
    tasks = []
    gate = asyncio.Semaphore(100)
    started = time.time()
    senders = await asyncio.gather(*(open_socket(bases[0], c, k, counter, False, tasks, gate) for c, k in pairs))
    await asyncio.gather(*(open_socket(bases[-1], c, k, counter, True, tasks, gate) for c, k in pairs))
    print(f"opened {counter.opened} sockets ({counter.failed} refused) in {time.time() - started:.1f} s", flush=True)
    await asyncio.sleep(2)  # the catch-up each socket gets on opening
    live = [(ws, c) for ws, (c, _) in zip(senders, pairs) if ws is not None]
    interval = 1.0 / rate
    sent = 0
    begin_ns = time.perf_counter_ns()
    begin = begin_ns / 1e9
    while time.perf_counter() - begin < seconds and live:
        ws, _ = live[sent % len(live)]
        scheduled = begin_ns + int(sent * interval * 1e9)  # when this message was due to leave
        body = f"bench {scheduled} {sent}"
        try:
            await ws.send(json.dumps({"type": "message", "body": body, "clientId": str(uuid.uuid4())}))
        except Exception:
            counter.errors["sendFailed"] = counter.errors.get("sendFailed", 0) + 1
        sent += 1
        # Pace to the target rate (sleeping only when ahead of schedule).
        ahead = begin + sent * interval - time.perf_counter()
        if ahead > 0:
            await asyncio.sleep(ahead)
    elapsed = time.perf_counter() - begin
    await asyncio.sleep(5)  # stragglers
    held = counter.opened - counter.closed
    delivered = len(counter.latencies)
    print(f"connections held: {held} of {connections} asked")
    print(f"messages sent: {sent} in {elapsed:.1f} s ({sent / elapsed:.0f}/s); stored and acknowledged: {counter.acks}")
    print(f"messages delivered to the other side: {delivered} ({delivered / elapsed:.0f}/s), each counted once "
          f"({counter.repeats} repeated arrivals ignored); lost: {sent - delivered}")
    print(f"delivery latency: p50 {percentile(counter.latencies, 0.5):.1f} ms, p99 {percentile(counter.latencies, 0.99):.1f} ms, "
          f"max {max(counter.latencies, default=float('nan')):.1f} ms")
    if counter.errors:
        print(f"errors: {counter.errors}")
    for task in tasks:
        task.cancel()


asyncio.run(main())
