"""What the outbox triggers (Migrations/0010_outbox.sql) add to a submission's write: the same
submissions (posts + comments + 'submit' audit event, 64 per transaction as group commit does,
WAL, synchronous=NORMAL) into a database migrated without and with 0010, interleaved rounds in
one run, printing the ratio. Every comment is held, so every submission writes an outbox row.
Usage: python3 Benchmarks/outbox-trigger.py [SUBMISSIONS_PER_ROUND] [ROUNDS]"""
import glob, os, sqlite3, sys, tempfile, time, hashlib

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
root = os.path.join(os.path.dirname(__file__), "..", "Migrations")
migrations = sorted(glob.glob(os.path.join(root, "*.sql")))


def database(path, with_outbox):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    for file in migrations:
        if not with_outbox and os.path.basename(file).startswith("0010_"):
            continue
        db.executescript(open(file, encoding="utf-8").read())
    return db


def submit(db, start):
    t0 = time.perf_counter()
    for batch in range(start, start + N, 64):
        db.execute("BEGIN IMMEDIATE")
        for i in range(batch, min(batch + 64, start + N)):
            stamp = "2026-12-06 20:%02d:%02d.%03d" % (i // 60000 % 60, i // 1000 % 60, i % 1000)
            digest = hashlib.sha256(str(i).encode()).hexdigest()
            db.execute("INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, ?)", ("post-%d" % (i % 500), stamp))
            db.execute("""INSERT INTO comments (post_key, name, body, status, score, reasons, policy_version, email_hash,
                          email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
                          VALUES (?, 'n', ?, 'pending', 5, '[]', 'v', ?, x'00', ?, 'ua', ?, ?, ?, ?)""",
                       ("post-%d" % (i % 500), "comment %d" % i, digest, digest[::-1], digest, digest[1:], stamp, stamp))
            db.execute("""INSERT INTO moderation_events (comment_id, actor, action, from_status, to_status, created_at)
                          VALUES (last_insert_rowid(), 'hakam', 'submit', NULL, 'pending', ?)""", (stamp,))
        db.execute("COMMIT")
    return time.perf_counter() - t0


folder = tempfile.mkdtemp(prefix="hakam-outbox-bench-")
dbs = {"without 0010": database(os.path.join(folder, "a.sqlite"), False), "with 0010": database(os.path.join(folder, "b.sqlite"), True)}
times = {name: [] for name in dbs}
for round in range(ROUNDS):
    for name, db in (list(dbs.items()) if round % 2 == 0 else list(reversed(list(dbs.items())))):
        times[name].append(submit(db, round * N))
outbox_rows = dbs["with 0010"].execute("SELECT count(*) FROM outbox").fetchone()[0]
print(f"sqlite {sqlite3.sqlite_version}, {N} submissions x {ROUNDS} rounds, 64 per transaction; outbox rows written: {outbox_rows}")
for name in dbs:
    best = min(times[name])
    print(f"  {name:13s} best {best:.3f} s  ({N / best:,.0f} submissions/s)  rounds: {', '.join(f'{t:.3f}' for t in times[name])}")
ratio = min(times["with 0010"]) / min(times["without 0010"])
print(f"  ratio with/without (best of rounds): {ratio:.3f}")
