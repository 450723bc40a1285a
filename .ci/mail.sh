#!/usr/bin/env bash
# A real mail path for the email notification test: Debian's msmtp (a sendmail-compatible MTA
# client) delivering over SMTP to a local sink (python3-aiosmtpd) that runs as an unprivileged
# user on loopback and writes each message to a folder.
# Usage from .ci/run:  eval "$(.ci/mail.sh)"   — prints the exports the test reads, or nothing
# (with a SKIPPED line on stderr) when the packages cannot be installed.
set -uo pipefail
cd "$(dirname "$0")/.."

skip() { echo "SKIPPED real mail path: $*" >&2; exit 0; }

need=()
for package in msmtp python3-aiosmtpd; do dpkg -s "$package" >/dev/null 2>&1 || need+=("$package"); done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "installing for the mail test: ${need[*]}" >&2
    { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"; } >/dev/null 2>&1 \
        || skip "msmtp or python3-aiosmtpd could not be installed"
fi
[ -x /usr/bin/msmtp ] || skip "msmtp is missing"
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || skip "python3-aiosmtpd is missing"

root=$(mktemp -d /tmp/hakam-mail.XXXXXX)
chmod 755 "$root"
mkdir -p "$root/inbox" "$root/var"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cat > "$root/sink.py" <<'PY'
# An SMTP server that accepts every message and stores it, one file each, for the test to read.
import os, sys, time, uuid
from aiosmtpd.controller import Controller

class Store:
    def __init__(self, folder): self.folder = folder
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.folder, f"{time.time_ns()}-{uuid.uuid4().hex}.eml")
        with open(name + ".tmp", "wb") as f: f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 stored"

controller = Controller(Store(sys.argv[1]), hostname="127.0.0.1", port=int(sys.argv[2]))
controller.start()
with open(sys.argv[3], "w") as f: f.write(str(os.getpid()))
print("ready", flush=True)
while True: time.sleep(3600)
PY

# Unprivileged: the sink needs no rights but its inbox.
user=root
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then user=nobody; chown nobody "$root/inbox" "$root/var"; fi
if [ "$user" = nobody ]; then
    # su's own stdout must not be the caller's: `eval "$(.ci/mail.sh)"` waits for it to close.
    setsid su -s /bin/sh nobody -c "/usr/bin/python3 $root/sink.py $root/inbox $port $root/var/sink.pid > $root/var/sink.log 2>&1" </dev/null >/dev/null 2>&1 &
else
    setsid /usr/bin/python3 "$root/sink.py" "$root/inbox" "$port" "$root/var/sink.pid" </dev/null > "$root/var/sink.log" 2>&1 &
fi
for _ in $(seq 50); do grep -q ready "$root/var/sink.log" 2>/dev/null && break; sleep 0.2; done
grep -q ready "$root/var/sink.log" || skip "the SMTP sink did not start: $(cat "$root/var/sink.log")"
# su starts the sink in a session of its own: it is stopped by its pid (.ci/run's stop_servers).
sink_pid=$(cat "$root/var/sink.pid")

# The sendmail Hakam is configured with: msmtp, told where the sink is.
cat > "$root/sendmail" <<SH
#!/bin/sh
exec /usr/bin/msmtp --host=127.0.0.1 --port=$port --auth=off --tls=off --from=hakam@localhost "\$@"
SH
chmod 755 "$root/sendmail"
echo "mail sink on 127.0.0.1:$port as $user, inbox $root/inbox" >&2
echo "export HAKAM_TEST_SENDMAIL=$root/sendmail HAKAM_TEST_MAIL_INBOX=$root/inbox HAKAM_TEST_MAIL_SINK_PID=$sink_pid"
