#!/usr/bin/env python3
"""What SQLite alone costs per submitted comment, without Swift, HTTP or policy.

Replays the submit path's statements (Sources/HakamSQLite/Writes: the ban check, the history
lookup, the posts/comments/moderation_events inserts, each comment in a savepoint, 32 comments
per transaction as group commit batches them under load) on a fresh database built from
Migrations/, with the server's pragmas, and prints CPU time and WAL bytes per comment for the
schema as shipped and for lighter variants. Python's own cost (building the values, calling into
the sqlite3 module) is measured with the same loop on a statement that does nothing, and
subtracted. Usage: Benchmarks/storage-floor.py [COMMENTS]   (default 30000; ≈ 1 minute)
"""
import glob, hashlib, os, resource, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HISTORY_SQL = open(os.path.join(ROOT, "Sources/HakamSQLite/Writes/AuthorHistory+Fetch.swift")).read() \
    .split('static let historySQL = """')[1].split('"""')[0]
INSERT_COMMENT = """INSERT INTO comments (post_key, parent_id, name, url, body, status, score, reasons, policy_version,
    email_hash, email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"""
INSERT_EVENT = """INSERT INTO moderation_events (comment_id, actor, action, from_status, to_status, note, created_at)
    VALUES (?, 'hakam', 'submit', NULL, ?, ?, ?)"""
WORDS = ("شكرا على هذا المقال الرائع الذي يوضح الحقائق بشكل واضح وأتمنى أن تستمر الصحيفة في نشر مثل "
         "هذه التقارير thanks for this great article which explains the facts clearly").split()
BATCH = 32

VARIANTS = [
    ("as shipped", dict(history=True, hash_indexes=True, trigger=True, event=True)),
    ("no history lookup", dict(history=False, hash_indexes=True, trigger=True, event=True)),
    ("no hash indexes, no history (history kept in memory)", dict(history=False, hash_indexes=False, trigger=True, event=True)),
    ("…and no author counts (trigger)", dict(history=False, hash_indexes=False, trigger=False, event=True)),
    ("…and no audit event: the comment row alone", dict(history=False, hash_indexes=False, trigger=False, event=False)),
]


def open_database(directory, variant):
    import sqlite3
    path = os.path.join(directory, "floor.sqlite")
    for f in glob.glob(path + "*"):
        os.remove(f)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "temp_store = MEMORY", "cache_size = -16384",
                   "foreign_keys = ON"):
        db.execute("PRAGMA " + pragma)
    for migration in sorted(glob.glob(os.path.join(ROOT, "Sources/HakamSQLite/Migrations/*.sql"))):
        db.executescript(open(migration).read())
    if not variant["hash_indexes"]:
        db.executescript("DROP INDEX comments_email_digest; DROP INDEX comments_day_ip; DROP INDEX comments_day_folded_digest;")
    if not variant["trigger"]:
        db.executescript("DROP TRIGGER authors_on_comment_insert;")
    return db, path


def values(n):
    body = " ".join(WORDS[(n * 31 + i * 17) % len(WORDS)] for i in range(12 + n % 25)) + f" #{n}"
    def h(s):
        return hashlib.sha256(s.encode()).hexdigest()
    t = time.time()
    stamp = lambda seconds_ago: time.strftime("%Y-%m-%d %H:%M:%S.000", time.gmtime(t - seconds_ago))
    return dict(body=body, email=h(f"e{n}"), ip=h(f"i{n}"), folded=h(body), exact=h(body + "."),
                post=f"article-{n % 50}", now=stamp(0), day_ago=stamp(86400), minute_ago=stamp(60), flood=stamp(16),
                sealed=os.urandom(61))


def run(db, count, variant, dry):
    x = (lambda sql, args=(): db.execute("SELECT 1", ())) if dry else db.execute
    n = 0
    start = resource.getrusage(resource.RUSAGE_SELF)
    while n < count:
        x("BEGIN IMMEDIATE")
        for _ in range(BATCH):
            n += 1
            v = values(n)
            x("SAVEPOINT comment")
            x("SELECT 1 FROM bans WHERE lifted_at IS NULL LIMIT 1").fetchone()
            if variant["history"]:
                x(HISTORY_SQL, (v["email"], v["ip"], v["folded"], v["post"], v["day_ago"], v["minute_ago"], 0,
                                 v["flood"], v["now"])).fetchone()
            x("INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, ?)", (v["post"], v["now"]))
            x(INSERT_COMMENT, (v["post"], None, "أحمد", None, v["body"], "pending", 0.0,
                               '[{"code":"moderation.first_time","weight":0}]', "8b4f51e3f075", v["email"], v["sealed"],
                               v["ip"], "Mozilla/5.0", v["exact"], v["folded"], v["now"], v["now"]))
            if variant["event"]:
                x(INSERT_EVENT, (db.execute("SELECT last_insert_rowid()").fetchone()[0], "pending", "moderation.first_time", v["now"]))
            x("RELEASE comment")
        x("COMMIT")
    end = resource.getrusage(resource.RUSAGE_SELF)
    return (end.ru_utime - start.ru_utime) + (end.ru_stime - start.ru_stime)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    import sqlite3
    print(f"== SQLite floor per comment ({sqlite3.sqlite_version}, {count} comments in batches of {BATCH}, "
          f"synchronous=NORMAL, checkpoints inline at 1,000 pages: the server runs them on another thread, same CPU)")
    print("| storage variant | CPU µs per comment | WAL+checkpoint KB written per comment |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory() as directory:
        for name, variant in VARIANTS:
            db, path = open_database(directory, variant)
            dry = run(db, count, variant, dry=True)
            db.close()
            db, path = open_database(directory, variant)
            written_before = int(open("/proc/self/io").read().split("write_bytes: ")[1].split()[0])
            wet = run(db, count, variant, dry=False)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            os.sync()
            written = int(open("/proc/self/io").read().split("write_bytes: ")[1].split()[0]) - written_before
            db.close()
            print(f"| {name} | {(wet - dry) * 1e6 / count:.0f} | {written / count / 1024:.1f} |")


if __name__ == "__main__":
    main()
