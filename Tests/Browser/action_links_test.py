"""An emailed action link opened in headless Chromium: the confirmation page (Arabic, RTL),
the confirm button, the comment approved as the link's moderator, and the link refused when
opened again. Mail goes to a fake sendmail that stores each message. Run it through
Tests/Browser/run.sh (which runs every *_test.py here)."""

import argparse
import base64
import email
import glob
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hakam", required=True)
    parser.add_argument("--chromedriver", required=True)
    parser.add_argument("--policies", required=False)
    args = parser.parse_args()
    artifacts = os.environ.get("ARTIFACTS_DIR", ".build/browser-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    directory = tempfile.mkdtemp(prefix="hakam-links-")
    mail = os.path.join(directory, "mail")
    os.makedirs(mail)
    sendmail = os.path.join(directory, "sendmail")
    with open(sendmail, "w") as f:
        # Written aside and renamed: the test must never read a message half-written.
        f.write(f'#!/bin/sh\nname="{mail}/$(date +%s%N)"\ncat > "$name.part" && mv "$name.part" "$name.eml"\n')
    os.chmod(sendmail, 0o755)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    policy = os.path.join(directory, "policy.yml")
    with open(policy, "w") as f:
        f.write(f"""moderation: all
flood: {{enabled: false}}
rate_limit: {{enabled: false}}
notifications:
  email: {{to: [mods@example.org], sendmail: {sendmail}, language: ar}}
  action_links: {{base_url: '{base}', moderator: mona}}
  delivery: {{poll_seconds: 0.2}}
""")
    db = os.path.join(directory, "hakam.sqlite")
    server = subprocess.Popen([args.hakam, "serve", "--port", str(port), "--db", db, "--policy", policy],
                              stdout=subprocess.PIPE, stderr=open(os.path.join(directory, "server.log"), "w"), text=True)
    passed, failed = 0, 0

    def check(name, condition, detail=""):
        nonlocal passed, failed
        if condition:
            passed += 1
            print(f"ok    {name}")
        else:
            failed += 1
            print(f"FAIL  {name} {detail}")

    driver = None
    try:
        line = server.stdout.readline()
        if not line.startswith("listening on"):
            raise SystemExit(f"the server did not start: {line!r}")
        body = json.dumps({"post": "news-1", "name": "سلمى", "email": "salma@example.com", "body": "تعليق ينتظر المشرف"}).encode()
        request = urllib.request.Request(base + "/comments", data=body, headers={"Content-Type": "application/json"})
        comment = json.load(urllib.request.urlopen(request))
        check("the comment is held", comment["status"] == "pending", comment)

        message = None
        for _ in range(100):
            files = glob.glob(os.path.join(mail, "*.eml"))
            if files:
                with open(files[0], "rb") as f:
                    message = email.message_from_bytes(f.read())
                break
            time.sleep(0.2)
        check("the moderators got an email", message is not None)
        text = ""
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                text = part.get_payload(decode=True).decode("utf-8")
        links = dict(re.findall(r"^(\S+): (http://\S+/moderate/\S+)$", text, re.M))
        approve = links.get("نشر")
        check("the email carries an approve link", approve is not None, text)

        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900", "--lang=ar"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
        driver.get(approve)
        html = driver.find_element(By.TAG_NAME, "html")
        check("the confirmation page is Arabic, right to left", html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar")
        check("it shows the comment", "تعليق ينتظر المشرف" in driver.page_source)
        driver.save_screenshot(os.path.join(artifacts, "action-link-confirm.png"))
        status = subprocess.run([args.hakam, "show", str(comment["id"]), "--json", "--db", db], capture_output=True, text=True)
        check("opening the link changed nothing", json.loads(status.stdout)["comment"]["status"] == "pending", status.stdout)

        driver.find_element(By.ID, "confirm").click()
        # The click navigates: the old page's title can go stale between finding it and reading it.
        WebDriverWait(driver, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
            lambda d: d.find_element(By.ID, "title").text.startswith("تم"))
        driver.save_screenshot(os.path.join(artifacts, "action-link-done.png"))
        shown = json.loads(subprocess.run([args.hakam, "show", str(comment["id"]), "--json", "--db", db],
                                          capture_output=True, text=True).stdout)
        check("the comment is approved", shown["comment"]["status"] == "approved", shown)
        check("as the link's moderator", shown["events"][-1]["actor"] == "mona", shown["events"][-1])

        driver.get(approve)
        check("opened again, the link is refused", "استُخدم هذا الرابط من قبل" in driver.find_element(By.ID, "title").text)
        driver.save_screenshot(os.path.join(artifacts, "action-link-used.png"))
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(10)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
