"""Scores 智能咨询 and the china-law-mcp baseline on one question set (bench/ask.sh).

Each question lists the articles a lawyer would cite; an answer counts when one of them is
among the first five. Prints hit@1, hit@5 and MRR for both, by matter, and the latency of each
side one question at a time (智能咨询 measured from the client, over HTTP, on a warm server; the
baseline in process, after its index is built).
"""
import argparse, json, statistics, time, urllib.parse, urllib.request
from collections import defaultdict


def ours(url, question):
    """The first five answers as (law, article), and whether 智能咨询 said it answered."""
    with urllib.request.urlopen(url + "/api/v1/knowledge/ask?q=" + urllib.parse.quote(question), timeout=30) as r:
        body = json.load(r)
    answers = []
    for item in body["items"][:5]:
        title, _, label = item["title"].rpartition(" ")
        answers.append((title, label) if item.get("article") else (item["title"], None))
    return answers, body["answered"]


def scores(ranks):
    n = len(ranks)
    return (sum(1 for r in ranks if r == 1) / n, sum(1 for r in ranks if r and r <= 5) / n,
            sum(1 / r for r in ranks if r and r <= 5) / n)


def rank_of(answers, expected):
    for i, answer in enumerate(answers[:5], 1):
        if answer in expected:
            return i
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--questions", required=True)
    a = p.parse_args()
    questions = [json.loads(line) for line in open(a.questions, encoding="utf-8") if line.strip()]

    from china_law_mcp import retrieval
    retrieval.search("预热", top_k=5, db_path=a.corpus)  # builds its BM25 index once

    ranks = {"智能咨询": [], "baseline": []}
    by_matter = defaultdict(lambda: {"智能咨询": [], "baseline": []})
    latency = {"智能咨询": [], "baseline": []}
    ours(a.url, "预热")
    answered = {"right": 0, "wrong": 0, "unsaid": 0}
    for q in questions:
        expected = {(e["law"], e["article"]) for e in q["expected"]}
        start = time.perf_counter()
        mine, said = ours(a.url, q["question"])
        latency["智能咨询"].append((time.perf_counter() - start) * 1000)
        right = rank_of(mine[:3], expected) is not None
        answered["right" if said and right else "wrong" if said else "unsaid"] += 1
        start = time.perf_counter()
        theirs = [(h["law_name"], h["article_no"]) for h in retrieval.search(q["question"], top_k=5, db_path=a.corpus)]
        latency["baseline"].append((time.perf_counter() - start) * 1000)
        for side, answers in (("智能咨询", mine), ("baseline", theirs)):
            r = rank_of(answers, expected)
            ranks[side].append(r)
            by_matter[q.get("matter", "-")][side].append(r)

    print(f"{'':12} {'hit@1':>7} {'hit@5':>7} {'MRR':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for side in ("智能咨询", "baseline"):
        h1, h5, mrr = scores(ranks[side])
        lat = sorted(latency[side])
        p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
        print(f"{side:12} {h1:7.2f} {h5:7.2f} {mrr:7.2f} {statistics.median(lat):8.1f} {p95:8.1f}")
    print(f"智能咨询 said answered for {answered['right'] + answered['wrong']} of {len(questions)}: "
          f"{answered['right']} with a right article in its first three, {answered['wrong']} without")
    print("hit@5 by matter (智能咨询 / baseline):")
    for matter, sides in sorted(by_matter.items()):
        n = len(sides["智能咨询"])
        print(f"  {matter:12} n={n:3}  {scores(sides['智能咨询'])[1]:.2f} / {scores(sides['baseline'])[1]:.2f}")


if __name__ == "__main__":
    main()
