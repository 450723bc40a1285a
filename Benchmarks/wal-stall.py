#!/usr/bin/env python3
"""How long the submit path's write transactions take on a big database, and what stalls them.

Replays the storage half of `POST /comments` (the ban and history lookups, the posts/comments/
moderation_events inserts, each comment in a savepoint, BATCH comments per transaction as group
commit batches them under load) through libsqlite3 itself (ctypes), with the server's pragmas and
its WAL hook (`WALCheckpointer`: passive checkpoints on a background connection past BG frames,
inline past INLINE frames). Every comment has its own random email, address and text, as in
`Benchmarks/HTTP/comments.lua`. Prints the transactions' wall time (p50/p99/max), comments per
second and how the WAL and the checkpoints went. The submit p99 at 16 connections is about two
transactions' time, so the transaction p99 is what a checkpoint design has to move.

Usage: Benchmarks/wal-stall.py DB SECONDS [key=value ...]   (the DB is changed: pass a copy)
  bg=1000 inline=65536 limit_mb=256 cache_kb=16384 batch=16 prefill=0 mmap_mb=0
"""
import ctypes, hashlib, os, random, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HISTORY_SQL = open(os.path.join(ROOT, "Sources/HakamSQLite/Writes/AuthorHistory+Fetch.swift")).read() \
    .split('static let historySQL = """')[1].split('"""')[0]
BAN_SQL = "SELECT 1 FROM bans WHERE lifted_at IS NULL LIMIT 1"
INSERT_POST = "INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, ?)"
INSERT_COMMENT = """INSERT INTO comments (post_key, parent_id, name, url, body, status, score, reasons, policy_version,
    email_hash, email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
    VALUES (?,NULL,?,NULL,?,?,0.0,?,?,?,?,?,?,?,?,?,?)"""
INSERT_EVENT = """INSERT INTO moderation_events (comment_id, actor, action, from_status, to_status, note, created_at)
    VALUES (?, 'hakam', 'submit', NULL, ?, NULL, ?)"""

lib = ctypes.CDLL("libsqlite3.so.0")
lib.sqlite3_open_v2.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_char_p]
lib.sqlite3_exec.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
lib.sqlite3_prepare_v2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p]
lib.sqlite3_bind_text.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
lib.sqlite3_bind_blob.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
lib.sqlite3_bind_int64.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int64]
lib.sqlite3_step.argtypes = [ctypes.c_void_p]
lib.sqlite3_reset.argtypes = [ctypes.c_void_p]
lib.sqlite3_last_insert_rowid.argtypes = [ctypes.c_void_p]
lib.sqlite3_last_insert_rowid.restype = ctypes.c_int64
lib.sqlite3_close_v2.argtypes = [ctypes.c_void_p]
lib.sqlite3_errmsg.argtypes = [ctypes.c_void_p]
lib.sqlite3_errmsg.restype = ctypes.c_char_p
lib.sqlite3_wal_checkpoint_v2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                          ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
WAL_HOOK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
lib.sqlite3_wal_hook.argtypes = [ctypes.c_void_p, WAL_HOOK, ctypes.c_void_p]
TRANSIENT = ctypes.c_void_p(-1)
SQLITE_ROW, SQLITE_DONE = 100, 101


def open_connection(path):
    db = ctypes.c_void_p()
    if lib.sqlite3_open_v2(path.encode(), ctypes.byref(db), 0x2 | 0x8000, None) != 0:  # READWRITE | NOMUTEX
        raise SystemExit("cannot open " + path)
    return db


def execute(db, sql):
    if lib.sqlite3_exec(db, sql.encode(), None, None, None) != 0:
        raise SystemExit(f"{sql}: {lib.sqlite3_errmsg(db).decode()}")


class Statement:
    def __init__(self, db, sql):
        self.db, self.handle = db, ctypes.c_void_p()
        if lib.sqlite3_prepare_v2(db, sql.encode(), -1, ctypes.byref(self.handle), None) != 0:
            raise SystemExit(f"{sql}: {lib.sqlite3_errmsg(db).decode()}")

    def run(self, *values):
        for i, v in enumerate(values, 1):
            if v is None:
                continue
            if isinstance(v, int):
                lib.sqlite3_bind_int64(self.handle, i, v)
            elif isinstance(v, bytes):
                lib.sqlite3_bind_blob(self.handle, i, v, len(v), TRANSIENT)
            else:
                b = v.encode()
                lib.sqlite3_bind_text(self.handle, i, b, len(b), TRANSIENT)
        while True:
            rc = lib.sqlite3_step(self.handle)
            if rc == SQLITE_DONE:
                break
            if rc != SQLITE_ROW:
                raise SystemExit(f"step {rc}: {lib.sqlite3_errmsg(self.db).decode()}")
        lib.sqlite3_reset(self.handle)


def main():
    path, seconds = sys.argv[1], float(sys.argv[2])
    opts = dict(persist=0, bg=1000, inline=65536, limit_mb=256, cache_kb=16384, batch=16, prefill=0, mmap_mb=0)
    for arg in sys.argv[3:]:
        k, v = arg.split("=")
        opts[k] = int(v)
    writer = open_connection(path)
    for pragma in ("synchronous = NORMAL", f"cache_size = -{opts['cache_kb']}", "temp_store = MEMORY", "foreign_keys = ON",
                   f"journal_size_limit = {opts['limit_mb'] << 20}", f"mmap_size = {opts['mmap_mb'] << 20}"):
        execute(writer, "PRAGMA " + pragma)
    execute(writer, "SELECT 1 FROM sqlite_schema LIMIT 1")
    if opts["prefill"]:
        execute(writer, "BEGIN IMMEDIATE")
        wal = path + "-wal"
        size = os.path.getsize(wal) if os.path.exists(wal) else 0
        with open(wal, "r+b" if os.path.exists(wal) else "wb") as f:
            f.seek(size)
            zeros = bytes(1 << 20)
            while size < opts["limit_mb"] << 20:
                n = min(len(zeros), (opts["limit_mb"] << 20) - size)
                f.write(zeros[:n])
                size += n
            f.flush()
            os.fsync(f.fileno())
        execute(writer, "COMMIT")

    stats = dict(bg=0, bg_time=[], inline=0, inline_time=[], max_frames=0)
    running = threading.Lock()
    kept = []
    wake = threading.Event()

    def background():
        while True:
            wake.wait()
            wake.clear()
            if stop:
                return
            start = time.perf_counter()
            db = kept[0] if kept else open_connection(path)
            execute(db, "SELECT 1 FROM sqlite_schema LIMIT 1")
            log, copied = ctypes.c_int(), ctypes.c_int()
            lib.sqlite3_wal_checkpoint_v2(db, None, 0, ctypes.byref(log), ctypes.byref(copied))
            if opts["persist"]:
                kept[:] = [db]
            else:
                lib.sqlite3_close_v2(db)
            stats["bg"] += 1
            stats["bg_time"].append(time.perf_counter() - start)
            running.release()

    def hook(_, connection, schema, frames):
        stats["max_frames"] = max(stats["max_frames"], frames)
        if frames >= opts["inline"]:
            start = time.perf_counter()
            lib.sqlite3_wal_checkpoint_v2(connection, schema, 0, None, None)
            stats["inline"] += 1
            stats["inline_time"].append(time.perf_counter() - start)
        elif frames >= opts["bg"] and running.acquire(blocking=False):
            wake.set()
        return 0

    stop = False
    checkpointer = threading.Thread(target=background, daemon=True)
    checkpointer.start()
    hook_ref = WAL_HOOK(hook)
    lib.sqlite3_wal_hook(writer, hook_ref, None)

    ban, history = Statement(writer, BAN_SQL), Statement(writer, HISTORY_SQL)
    post, comment, event = Statement(writer, INSERT_POST), Statement(writer, INSERT_COMMENT), Statement(writer, INSERT_EVENT)
    savepoint, release = Statement(writer, "SAVEPOINT c"), Statement(writer, "RELEASE c")
    begin, commit = Statement(writer, "BEGIN IMMEDIATE"), Statement(writer, "COMMIT")
    rng = random.Random(7)
    times, n, end = [], 0, time.perf_counter() + seconds
    written_before = int(open("/proc/self/io").read().split("write_bytes: ")[1].split()[0])
    while time.perf_counter() < end:
        values = []
        for _ in range(opts["batch"]):
            n += 1
            r = rng.getrandbits(64)
            body = f"تعليق {r} thanks for this article #{n}"
            t = time.time()
            stamp = lambda seconds_ago: time.strftime("%Y-%m-%d %H:%M:%S.000", time.gmtime(t - seconds_ago))
            now = stamp(0)
            values.append((hashlib.sha256(f"e{r}".encode()).hexdigest(), hashlib.sha256(f"i{r}".encode()).hexdigest(),
                           hashlib.sha256(body.encode()).hexdigest(), hashlib.sha256(f"b{r}".encode()).hexdigest(),
                           f"article-{n % 50}", body, now, (stamp(86400), stamp(60), stamp(16))))
        start = time.perf_counter()
        begin.run()
        for email, ip, folded, exact, key, body, now, (day_ago, minute_ago, flood) in values:
            savepoint.run()
            ban.run()
            # The windows as the server binds them: copies over a day, the burst off (the shipped
            # policy), the flood interval of 15 s plus a second.
            history.run(email, ip, folded, key, day_ago, minute_ago, 0, flood, now)
            post.run(key, now)
            comment.run(key, "أحمد", body, "pending", "[]", "bench", email, os.urandom(61), ip, "Mozilla/5.0", exact, folded, now, now)
            event.run(lib.sqlite3_last_insert_rowid(writer), "pending", now)
            release.run()
        commit.run()
        times.append(time.perf_counter() - start)
    stop = True
    wake.set()
    cpu = {}
    for tid in os.listdir("/proc/self/task"):
        fields = open(f"/proc/self/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        cpu["writer" if int(tid) == os.getpid() else f"t{tid}"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    written = int(open("/proc/self/io").read().split("write_bytes: ")[1].split()[0]) - written_before
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000
    bg = sorted(stats["bg_time"]) or [0]
    print(f"RESULT comments_per_s={n / seconds:.0f} tx={len(times)} tx_p50_ms={q(0.5):.2f} tx_p99_ms={q(0.99):.2f} "
          f"tx_max_ms={times[-1] * 1000:.1f} bg_checkpoints={stats['bg']} bg_p50_ms={bg[len(bg) // 2] * 1000:.0f} "
          f"bg_max_ms={bg[-1] * 1000:.0f} inline={stats['inline']} inline_ms={[round(t * 1000) for t in stats['inline_time']]} "
          f"max_frames={stats['max_frames']} "
          f"written_mb={written / 1e6:.0f} wal_mb={os.path.getsize(path + '-wal') / 1e6:.0f} "
          f"cpu_s={cpu} load={open('/proc/loadavg').read().split()[0]} opts={opts}")


if __name__ == "__main__":
    main()
