"""Drives Hakam's /demo page in headless Chromium: the Arabic form with and without JavaScript,
the pending notice, approval from the CLI, the published comments, and an inline Arabic error.
Run it through Tests/Browser/run.sh."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PENDING = "تعليقك بانتظار المراجعة"
# The form's timing token holds a comment sent sooner than this after the page loaded.
HUMAN_PACE_SECONDS = 3.5


class Run:
    def __init__(self, artifacts):
        self.artifacts = artifacts
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name} {detail}")
        return condition

    def screenshot(self, driver, name, full_page=False):
        path = os.path.join(self.artifacts, name)
        if full_page:
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(1280, min(max(height, 900), 6000))
        driver.save_screenshot(path)
        print(f"      screenshot {path}")
        return path


def start_server(hakam, directory, policy):
    db = os.path.join(directory, "hakam.sqlite")
    process = subprocess.Popen(
        [hakam, "serve", "--port", "0", "--db", db, "--policy", policy],
        stdout=subprocess.PIPE, stderr=open(os.path.join(directory, "server.log"), "w"), text=True)
    line = process.stdout.readline().strip()
    match = re.match(r"listening on (http://\S+)", line)
    if not match:
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    return process, match.group(1), db


def test_policy(source, directory):
    """The shipped policy with the flood check off: every submission here comes from 127.0.0.1
    within seconds, which the flood rule would rightly refuse (429)."""
    folder = os.path.join(directory, "policies")
    shutil.copytree(source, folder)
    path = os.path.join(folder, "default.yml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("flood:\n  enabled: true", "flood:\n  enabled: false", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def browser(chromedriver, javascript):
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")  # root in CI containers
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=1280,1400")
    options.add_argument("--lang=ar")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


def fill(driver, name, email, body, url=""):
    for field, value in (("hakam-author", name), ("hakam-email", email), ("hakam-url", url), ("hakam-comment", body)):
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)


def csp_violations(driver):
    try:
        return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    except Exception:
        return []


def cli(hakam, db, *arguments):
    return subprocess.run([hakam, *arguments, "--db", db], capture_output=True, text=True, timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hakam", required=True)
    parser.add_argument("--chromedriver", required=True)
    parser.add_argument("--policies", required=True)
    args = parser.parse_args()
    artifacts = os.environ.get("ARTIFACTS_DIR", ".build/browser-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    run = Run(artifacts)
    directory = tempfile.mkdtemp(prefix="hakam-browser-")
    server, base, db = start_server(args.hakam, directory, test_policy(args.policies, directory))
    drivers = []
    try:
        # 1. With JavaScript: /embed.js posts JSON and shows the pending comment in place.
        js = browser(args.chromedriver, javascript=True)
        drivers.append(js)
        wait = WebDriverWait(js, 15)
        js.get(base + "/demo")
        loaded = time.monotonic()
        html = js.find_element(By.TAG_NAME, "html")
        run.check("the demo page is Arabic, right to left", html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl")
        run.check("the form is under «اترك تعليقاً»", "اترك تعليقاً" in js.find_element(By.ID, "reply-title").text)
        run.screenshot(js, "01-demo.png")
        fill(js, "مريم", "mariam@example.com", "شكراً على هذا التقرير، أتمنى أن تزور المكتبة قريباً.")
        time.sleep(max(0, HUMAN_PACE_SECONDS - (time.monotonic() - loaded)))
        js.find_element(By.ID, "hakam-submit").click()
        try:
            wait.until(lambda d: PENDING in d.find_element(By.ID, "hakam-form-status").text)
            run.check("with JavaScript: the pending notice", True)
        except Exception:
            run.check("with JavaScript: the pending notice", False, js.find_element(By.ID, "hakam-form-status").text)
        pending_items = js.find_elements(By.CSS_SELECTOR, "li.hakam-comment-pending")
        run.check("with JavaScript: the author sees their comment", len(pending_items) == 1 and "أتمنى أن تزور المكتبة" in pending_items[0].text)
        js_id = pending_items[0].get_attribute("id").removeprefix("comment-") if pending_items else None
        run.check("with JavaScript: nothing reloaded the page", js.current_url.rstrip("/") == base + "/demo")
        run.screenshot(js, "02-js-pending.png")

        # 2. An invalid email: the Arabic error next to the field, the field marked invalid.
        js.get(base + "/demo")
        fill(js, "مريم", "mariam-at-example", "تعليق ثانٍ")
        js.find_element(By.ID, "hakam-submit").click()
        try:
            wait.until(lambda d: d.find_element(By.ID, "hakam-email-error").text.strip() != "")
        except Exception:
            pass
        error = js.find_element(By.ID, "hakam-email-error").text
        email = js.find_element(By.ID, "hakam-email")
        run.check("an invalid email: Arabic error beside the field", "بريد إلكتروني" in error, repr(error))
        run.check("an invalid email: aria-invalid on the field", email.get_attribute("aria-invalid") == "true")
        run.check("an invalid email: the error describes the field", "hakam-email-error" in (email.get_attribute("aria-describedby") or ""))
        run.check("an invalid email: focus moves to the field", js.switch_to.active_element.get_attribute("id") == "hakam-email")
        run.screenshot(js, "03-invalid-email.png")

        # 3. Without JavaScript: the plain form posts to /wp-comments-post.php and comes back with the notice.
        nojs = browser(args.chromedriver, javascript=False)
        drivers.append(nojs)
        nojs.get(base + "/demo")
        loaded = time.monotonic()
        fill(nojs, "Karim كريم", "karim@example.com", "تغطية ممتازة. هل ستُفتح المكتبة مساءً أيضاً؟", "https://karim.example")
        time.sleep(max(0, HUMAN_PACE_SECONDS - (time.monotonic() - loaded)))
        nojs.find_element(By.ID, "hakam-submit").click()
        WebDriverWait(nojs, 15).until(lambda d: "unapproved=" in d.current_url)
        notice = nojs.find_elements(By.ID, "hakam-pending-notice")
        run.check("without JavaScript: 303 back with the pending notice", bool(notice) and PENDING in notice[0].text)
        nojs_id = re.search(r"unapproved=(\d+)", nojs.current_url).group(1)
        run.check("without JavaScript: the author sees their comment",
                  "هل ستُفتح المكتبة مساءً" in nojs.find_element(By.ID, f"comment-{nojs_id}").text)
        run.screenshot(nojs, "04-nojs-pending.png")

        # 4. A moderator approves both from the terminal; readers see them.
        for comment_id in (js_id, nojs_id):
            result = cli(args.hakam, db, "approve", str(comment_id), "--as", "browser-test")
            run.check(f"hakam approve {comment_id}", result.returncode == 0, result.stderr.strip())
        js.get(base + "/demo")
        published = js.find_elements(By.CSS_SELECTOR, "#comments li.hakam-comment")
        texts = " ".join(item.text for item in published)
        run.check("after approval: both comments are published",
                  len(published) == 2 and "أتمنى أن تزور المكتبة" in texts and "هل ستُفتح المكتبة مساءً" in texts)
        run.check("after approval: no pending notice", not js.find_elements(By.CSS_SELECTOR, ".hakam-comment-pending"))
        link = js.find_elements(By.CSS_SELECTOR, f"#comment-{nojs_id} .hakam-author a")
        run.check("the website links the author's name, nofollow ugc",
                  bool(link) and link[0].get_attribute("href") == "https://karim.example/" and "ugc" in link[0].get_attribute("rel"))
        run.check("dates are in Arabic", bool(re.search(r"[\u0600-\u06FF]", js.find_element(By.CSS_SELECTOR, "#comments time").text)))
        run.screenshot(js, "05-approved.png", full_page=True)

        # 5. The consent box: ticked, the browser remembers name and email (localStorage, never the server).
        js.set_window_size(1280, 1400)
        fill(js, "مريم", "mariam@example.com", "هل هناك مواعيد خاصة لزيارة قسم المخطوطات؟")
        js.find_element(By.ID, "wp-comment-cookies-consent").click()
        time.sleep(HUMAN_PACE_SECONDS)
        js.find_element(By.ID, "hakam-submit").click()
        WebDriverWait(js, 15).until(lambda d: d.find_element(By.ID, "hakam-form-status").text.strip() != "")
        stored = json.loads(js.execute_script("return window.localStorage.getItem('hakam.commenter')") or "null")
        run.check("with consent: name and email kept in this browser", stored and stored.get("email") == "mariam@example.com")
        js.get(base + "/demo")
        run.check("with consent: the form is filled in on the next visit",
                  js.find_element(By.ID, "hakam-email").get_attribute("value") == "mariam@example.com")
        with urllib.request.urlopen(base + "/demo") as response:
            run.check("the server never renders the email back", "mariam@example.com" not in response.read().decode("utf-8"))
        run.check("no Content-Security-Policy violations", not csp_violations(js), csp_violations(js))

        # 6. On another page, the script fills a [data-hakam-comments] container from GET /comments.
        js.execute_script("""
            var box = document.createElement('div');
            box.id = 'loaded-thread'; box.dataset.hakamComments = ''; box.dataset.post = 'demo'; box.dataset.lang = 'en';
            document.body.appendChild(box);
            var script = document.createElement('script'); script.src = '/embed.js?again'; document.head.appendChild(script);
        """)
        try:
            WebDriverWait(js, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#loaded-thread li.hakam-comment"))
        except Exception:
            pass
        loaded_items = js.find_elements(By.CSS_SELECTOR, "#loaded-thread li.hakam-comment")
        run.check("the script loads the approved comments into a container",
                  len(loaded_items) == 3 and "هل ستُفتح المكتبة مساءً" in " ".join(item.text for item in loaded_items),
                  f"{len(loaded_items)} items")

        # Optional: the README's screenshot, with a few approved comments.
        target = os.environ.get("DEMO_SCREENSHOT")
        if target:
            reply = json.dumps({"post": "demo", "parent": int(js_id), "name": "أحمد العلي", "email": "ahmad@example.com",
                                "body": "أتفق معك، زرتها أمس والقاعة الجديدة رائعة فعلاً."}).encode("utf-8")
            request = urllib.request.Request(base + "/comments", data=reply, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request) as response:
                reply_id = json.loads(response.read())["id"]
            cli(args.hakam, db, "approve", str(reply_id), "--as", "browser-test")
            js.execute_script("window.localStorage.clear()")  # an empty form in the picture
            js.get(base + "/demo")
            js.execute_script("window.scrollTo(0, 0)")
            run.screenshot(js, "06-readme.png", full_page=True)
            shutil.copyfile(os.path.join(artifacts, "06-readme.png"), target)
            print(f"      wrote {target}")
    except Exception as error:  # a crash in the middle is a failure, not a pass
        run.check("the scenario ran to the end", False, repr(error))
        for index, driver in enumerate(drivers):
            try:
                run.screenshot(driver, f"failure-{index}.png")
            except Exception:
                pass
    finally:
        for driver in drivers:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(directory, ignore_errors=True)
    print(f"{run.passed} passed, {run.failed} failed")
    sys.exit(1 if run.failed else 0)


if __name__ == "__main__":
    main()
