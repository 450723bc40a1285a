#!/usr/bin/env python3
"""Arabic abuse and spam evaluation of Hakam, driven through the `hakam` binary.

Reports, on every labelled Arabic set in ../shared/corpora/arabic-abuse/ (never shipped, never
copied into a word list: measurement only):
  * the shipped policy alone (word lists and rules, no training): recall at 2 % and 5 % false
    positives, and recall with the share of clean comments scored above a neutral comment;
  * the classifier trained on every other Arabic set and tested on the one left out (naive Bayes,
    and logistic regression for comparison): recall at 2 % and 5 % false positives of what the
    product decides on, log odds (weighed below the policy's classifier.familiarity) + W × content
    score with the policy's classifier.policy_weight W
    (`hakam classifier eval` computes it with the product's own code: ClassifierScore, the
    policy's content rules), and of the model's log odds alone; with --combine W,…, also the
    same sum at other weights, from the log odds and content scores `classifier eval --scores`
    printed (the weight chosen for each left-out set on the other left-out sets);
  * the YouTube spam collection, 5-fold: F1 and false-positive rate at the policy's threshold, and
    at the cut-off for 2 % false positives (what `hakam train --target-fp 0.02` stores).

Usage: Benchmarks/arabic-eval.py [--hakam .build/release/hakam] [--policy Policies/default.yml]
       [--corpora ../shared/corpora] [--only lexicon|classifier|spam] [--markdown]
"""
import argparse, csv, json, os, re, subprocess, sys, tempfile

csv.field_size_limit(1 << 30)
NEUTRAL = "شكرا على المقال، أتمنى أن تتابعوا الموضوع في الأيام القادمة."


def load_sets(root):
    base = os.path.join(root, "arabic-abuse")
    sets = {}

    def osact():
        rows = []
        for name in ("OSACT2020-sharedTask-train.txt", "OSACT2020-sharedTask-dev.txt"):
            with open(os.path.join(base, "osact2020", name), encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 2:
                        rows.append((parts[0].replace("<LF>", "\n"), parts[1] == "OFF"))
        return rows

    def lhsab():
        with open(os.path.join(base, "l-hsab", "L-HSAB.tsv"), encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter="\t")
            next(reader)
            return [(r[0], r[1].strip() in ("abusive", "hate")) for r in reader if len(r) >= 2]

    def vanetik(name, mojibake=False):
        with open(os.path.join(base, "vanetik-taxonomy", name), encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            rows = []
            for r in reader:
                if len(r) < 2:
                    continue
                text = r[0]
                if mojibake:  # the Saudi set was converted from cp1256 read as cp1252
                    try:
                        text = text.encode("cp1252").decode("cp1256")
                    except (UnicodeEncodeError, UnicodeDecodeError):
                        pass
                rows.append((text, r[1].strip() == "offensive"))
            return rows

    sets["osact2020-tweets"] = osact()
    sets["l-hsab-levantine"] = lhsab()
    sets["youtube-alakrot"] = vanetik("youtube-alakrot2018.csv")
    sets["omcd-moroccan"] = vanetik("omcd-moroccan2023.csv")
    sets["saudi-alhazmi"] = vanetik("saudi-alhazmi2023.csv", mojibake=True)
    sets["mlma-tweets"] = vanetik("mlma-ousidhoum2019.csv")
    for key in sets:
        sets[key] = [(t.replace("\ufeff", "").strip(), y) for t, y in sets[key] if t.replace("\ufeff", "").strip()]
    return sets


def operating_point(scores, labels, fp_rate):
    """Recall and cut-off at the strictest cut-off with at most fp_rate of the clean ones above it."""
    ham = sorted((s for s, y in zip(scores, labels) if not y), reverse=True)
    allowed = int(fp_rate * len(ham))
    cutoff = ham[allowed] if allowed < len(ham) else float("-inf")
    tp = sum(1 for s, y in zip(scores, labels) if y and s > cutoff)
    fp = sum(1 for s, y in zip(scores, labels) if not y and s > cutoff)
    pos = sum(labels)
    return tp / max(1, pos), fp / max(1, len(ham)), cutoff


def run_batch(hakam, policy, db, bodies):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for body in bodies:
            f.write(json.dumps({"body": body}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([hakam, "policy", "test", "--batch", path, "--policy", policy, "--db", db],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    finally:
        os.unlink(path)
    if len(out) != len(bodies):
        sys.exit(f"hakam printed {len(out)} verdicts for {len(bodies)} comments")
    return [json.loads(line) for line in out]


def lexicon(args, sets):
    db = os.path.join(tempfile.mkdtemp(), "none.sqlite")  # never created: no classifier
    neutral = run_batch(args.hakam, args.policy, db, [NEUTRAL])[0]["score"]
    rows = []
    pooled_s, pooled_y = [], []
    for name, data in sets.items():
        verdicts = run_batch(args.hakam, args.policy, db, [t for t, _ in data])
        scores = [v.get("score", 0.0) for v in verdicts]
        labels = [y for _, y in data]
        pooled_s += scores; pooled_y += labels
        rows.append((name, scores, labels, verdicts))
    rows.append(("all Arabic sets", pooled_s, pooled_y, None))
    table = []
    for name, scores, labels, verdicts in rows:
        pos = sum(labels); neg = len(labels) - pos
        above = sum(1 for s, y in zip(scores, labels) if y and s > neutral) / max(1, pos)
        clean_above = sum(1 for s, y in zip(scores, labels) if not y and s > neutral) / max(1, neg)
        r2, _, _ = operating_point(scores, labels, 0.02)
        r5, _, _ = operating_point(scores, labels, 0.05)
        table.append({"set": name, "offensive": pos, "clean": neg, "recall_above_neutral": above,
                      "clean_above_neutral": clean_above, "recall_at_2": r2, "recall_at_5": r5})
        if verdicts is not None and args.reasons:
            codes = {}
            for v, y in zip(verdicts, labels):
                for r in v.get("reasons", []):
                    key = (r["code"], y)
                    codes[key] = codes.get(key, 0) + 1
            print(name, sorted(codes.items()), file=sys.stderr)
    return neutral, table


def write_csv(path, data):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        for t, y in data:
            w.writerow([t, "1" if y else "0"])


def sample(data, limit, seed=2015):
    """At most `limit` rows, the same ones on every run (0: all)."""
    if not limit or len(data) <= limit:
        return data
    import random
    rows = list(data)
    random.Random(seed).shuffle(rows)
    return rows[:limit]


def features_args(args, model):
    """`--features` for a model: `model@list` entries of --features name a model's own features."""
    for entry in args.features:
        if "@" in entry:
            m, _, f = entry.partition("@")
            if m == model:
                return ["--features", f]
    return []


def weight_args(args):
    return (["--policy-weight", args.policy_weight] if args.policy_weight else []) + (["--familiarity", args.familiarity] if args.familiarity else [])


def classifier(args, sets):
    work = tempfile.mkdtemp()
    files, training = {}, {}
    for name, data in sets.items():
        files[name] = os.path.join(work, name + ".csv")
        write_csv(files[name], sample(data, args.test_rows))
        training[name] = os.path.join(work, name + ".train.csv")
        write_csv(training[name], sample(data, args.train_rows))
    db = os.path.join(work, "none.sqlite")
    table = []
    combine = [float(w) for w in args.combine.split(",") if w]
    args.product_weight = None
    for name in sets:
        if args.sets and name not in args.sets.split(","):
            continue
        row = {"set": name}
        others = [training[n] for n in sets if n != name]
        for model in args.models:
            out = subprocess.run([args.hakam, "classifier", "eval", *others, "--held-out", files[name], "--model", model,
                                  *features_args(args, model), "--json", "--scores", *weight_args(args),
                                  "--policy", args.policy, "--db", db],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(out.stderr)
            result = json.loads(out.stdout)
            points = {p["fp_target"]: p for p in result["roc"]}
            # The product's score: hakam computed it; check it is exactly trust × log odds + W × content
            # score, trust = min(1, familiarity / F) below the policy's classifier.familiarity F.
            weight, full = result["policy_weight"], result["familiarity"]
            args.product_weight, args.product_familiarity = weight, full
            log_odds, content, product = result["log_odds"], result["content_scores"], result["scores"]
            trust = [1.0 if full <= 0 or f >= full else max(0.0, f) / full for f in result["familiarities"]]
            weighed = [lo if t == 1 else 0.0 if t == 0 else t * lo for lo, t in zip(log_odds, trust)]
            formula = [m if weight == 0 or c == 0 else m + weight * c for m, c in zip(weighed, content)]
            if formula != product:
                sys.exit(f"{name}: classifier eval's scores differ from trust × log odds + {weight:g} × content score")
            tested = sample(sets[name], args.test_rows)
            labels = [y for _, y in tested]
            row[model] = {"auc": result["auc"], "recall_at_1": points[0.01]["recall"], "recall_at_2": points[0.02]["recall"],
                          "recall_at_5": points[0.05]["recall"], "cutoff_at_2": points[0.02].get("cutoff_probability"),
                          "recall_at_policy": result["at_threshold"]["recall"], "fp_at_policy": result["at_threshold"]["fp_rate"],
                          "alone_at_2": operating_point(log_odds, labels, 0.02)[0], "alone_at_5": operating_point(log_odds, labels, 0.05)[0]}
            if combine:
                # The content score is the policy test's verdict score of the same text (no classifier):
                # count the rows where they differ (expected: none).
                rules = [v.get("score", 0.0) for v in run_batch(args.hakam, args.policy, db, [t for t, _ in tested])]
                differ = sum(1 for a, b in zip(rules, content) if abs(a - b) > 1e-9)
                if differ:
                    print(f"{name}: {differ} rows whose content score differs from `policy test`'s score", file=sys.stderr)
                for w in combine:
                    mixed = [lo if w == 0 or c == 0 else lo + w * c for lo, c in zip(log_odds, content)]
                    row[f"{model}+lexicon*{w:g}"] = {"recall_at_2": operating_point(mixed, labels, 0.02)[0],
                                                     "recall_at_5": operating_point(mixed, labels, 0.05)[0]}
        table.append(row)
    return table


def chosen_weights(args, table):
    """For each left-out set, the --combine weight with the best mean recall @5% FP on the other sets."""
    combine = [float(w) for w in args.combine.split(",") if w]
    out = {}
    for model in args.models:
        for row in table:
            others = [r for r in table if r is not row]
            best = max(combine, key=lambda w: sum(r[f"{model}+lexicon*{w:g}"]["recall_at_5"] for r in others))
            out[(model, row["set"])] = (best, row[f"{model}+lexicon*{best:g}"])
    return out


def spam(args):
    folder = os.path.join(args.corpora, "youtube-spam")
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".csv"))
    results = {}
    for model in args.models:
        out = subprocess.run([args.hakam, "classifier", "eval", *files, "--folds", "5", "--model", model, *features_args(args, model), "--json", *weight_args(args),
                              "--policy", args.policy, "--db", os.path.join(tempfile.mkdtemp(), "none.sqlite")],
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(out.stderr)
        results[model] = json.loads(out.stdout)
    return results


def main():
    parser = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--hakam", default=next((p for p in (os.path.join(root, ".build/release/hakam"), os.path.join(root, ".build/debug/hakam")) if os.path.exists(p)), "hakam"))
    parser.add_argument("--policy", default=os.path.join(root, "Policies/default.yml"))
    parser.add_argument("--corpora", default=os.path.join(os.path.dirname(root), "shared/corpora"))
    parser.add_argument("--only", choices=["lexicon", "classifier", "spam"])
    parser.add_argument("--sets", default="", help="comma-separated left-out sets to test (default: all)")
    parser.add_argument("--models", default="naive-bayes,logistic,nb-logistic")
    parser.add_argument("--features", default="", help="per-model feature lists, e.g. 'nb-logistic@words,bigrams,chars2,chars3,chars4,chars5,across,links,name' (;-separated)")
    parser.add_argument("--train-rows", type=int, default=6000, help="rows per set used for training (0: all)")
    parser.add_argument("--test-rows", type=int, default=0, help="rows of the left-out set tested (0: all)")
    parser.add_argument("--reasons", action="store_true", help="print reason counts per set to stderr")
    parser.add_argument("--policy-weight", default="", help="W of the product's score, instead of the policy's classifier.policy_weight")
    parser.add_argument("--familiarity", default="", help="F of the product's score, instead of the policy's classifier.familiarity (0: the log odds always count fully)")
    parser.add_argument("--combine", default="", help="weights W of a verdict-level combination, log odds + W x policy score, e.g. '0.25,0.5,1'")
    args = parser.parse_args()
    args.models = args.models.split(",")
    args.features = [f for f in args.features.split(";") if f]
    if not os.path.isdir(os.path.join(args.corpora, "arabic-abuse")):
        print(f"SKIPPED: no corpora at {args.corpora}")
        return
    sets = load_sets(args.corpora)
    print(f"hakam {args.hakam}, policy {os.path.relpath(args.policy, root)}")
    if args.only in (None, "lexicon"):
        neutral, table = lexicon(args, sets)
        print(f"\n## Shipped policy alone (no training); a neutral comment scores {neutral:g}\n")
        print("| set | offensive / clean | recall @2% FP | recall @5% FP | recall above neutral | clean above neutral |")
        print("|---|---|---|---|---|---|")
        for r in table:
            print(f"| {r['set']} | {r['offensive']} / {r['clean']} | {r['recall_at_2']:.3f} | {r['recall_at_5']:.3f} | "
                  f"{r['recall_above_neutral']:.3f} | {r['clean_above_neutral']:.3f} |")
    if args.only in (None, "classifier"):
        table = classifier(args, sets)
        print(f"\n## Classifier trained on the other Arabic sets ({args.train_rows or 'all'} rows of each), tested on the one left out\n")
        print(f"What the product decides on: log odds (weighed below familiarity F) + W × content score, W = {args.product_weight:g}"
              f"{'' if args.policy_weight else ' (classifier.policy_weight)'}, F = {args.product_familiarity:g}{'' if args.familiarity else ' (classifier.familiarity)'} "
              "(AUC and @1/2/5% of that sum); 'alone': the model's log odds.\n")
        header = "| left out |" + "".join(f" {m} AUC | {m} @1% | {m} @2% | {m} @5% | {m} alone @2% / @5% | {m} at policy p (recall/FP) |" for m in args.models)
        print(header)
        print("|---|" + "---|" * (6 * len(args.models)))
        for r in table:
            cells = "".join(f" {r[m]['auc']:.3f} | {r[m]['recall_at_1']:.3f} | {r[m]['recall_at_2']:.3f} | {r[m]['recall_at_5']:.3f} | "
                            f"{r[m]['alone_at_2']:.3f} / {r[m]['alone_at_5']:.3f} | "
                            f"{r[m]['recall_at_policy']:.3f}/{r[m]['fp_at_policy']:.3f} |" for m in args.models)
            print(f"| {r['set']} |{cells}")
        if args.combine:
            weights = [float(w) for w in args.combine.split(",") if w]
            chosen = chosen_weights(args, table)
            for m in args.models:
                print(f"\n### {m}: log odds + W × policy score, recall @2% / @5% FP\n")
                print("| left out | model alone |" + "".join(f" W={w:g} |" for w in weights) + " W chosen on the other sets |")
                print("|---|---|" + "---|" * (len(weights) + 1))
                for r in table:
                    w, c = chosen[(m, r["set"])]
                    print(f"| {r['set']} | {r[m]['alone_at_2']:.3f} / {r[m]['alone_at_5']:.3f} |"
                          + "".join(f" {r[f'{m}+lexicon*{x:g}']['recall_at_2']:.3f} / {r[f'{m}+lexicon*{x:g}']['recall_at_5']:.3f} |" for x in weights)
                          + f" {c['recall_at_2']:.3f} / {c['recall_at_5']:.3f} (W={w:g}) |")
    if args.only in (None, "spam"):
        results = spam(args)
        weights = {m: r.get("policy_weight") for m, r in results.items()}
        full = next(iter(results.values())).get("familiarity")
        print(f"\n## YouTube spam collection, 5-fold cross-validation (log odds weighed below familiarity F + W × content score, W = {next(iter(weights.values()))}, F = {full})\n")
        print("| model | F1 at policy p | FP at policy p | recall @1% FP | recall @2% FP | F1 @2% FP (FP) | AUC |")
        print("|---|---|---|---|---|---|---|")
        for m, r in results.items():
            points = {p["fp_target"]: p for p in r["roc"]}
            t = r["at_threshold"]
            two = points[0.02]
            f1 = 2 * two["precision"] * two["recall"] / max(1e-9, two["precision"] + two["recall"])
            print(f"| {m} | {t['f1']:.3f} | {t['fp_rate']:.3f} | {points[0.01]['recall']:.3f} | {two['recall']:.3f} | "
                  f"{f1:.3f} ({two['fp_rate']:.3f}) | {r['auc']:.3f} |")


if __name__ == "__main__":
    main()
