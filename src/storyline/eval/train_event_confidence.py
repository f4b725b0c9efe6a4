"""Train (and cross-validate) the event-confidence model of :mod:`storyline.extract.event_confidence`.

Labels are hand judgements of stored event records (``tests/data/event-labels.jsonl``: document ref,
trigger span, type, and whether type, actors and date were right), drawn at random from the whole
shared corpus. The labelled documents are re-coded from their stored parses with the current code,
each label is matched to its record by trigger span and type, and a logistic regression
(scikit-learn, L2) is fitted on the records' indicator features. Its regularisation is chosen by
10-fold cross-validated log loss (a document's records all in one fold); the printed figures (AUC, and precision and share kept at each
threshold) are out-of-fold. The default threshold of `storyline events` is the lowest at which the
out-of-fold precision of the kept records reaches ``--target``.

    python -m storyline.eval.train_event_confidence --db corpus.db [--labels tests/data/event-labels.jsonl] [--write]

Needs ``pip install -e '.[train]'`` (scikit-learn); scoring at run time does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import select

from storyline.extract.actors import find_actors
from storyline.extract.event_confidence import MODEL_FILE
from storyline.extract.events import featured_events
from storyline.nlp.analysis import SentenceRec, TimexRec, EntityRec, load_doc
from storyline.store import analyses as analysis_store
from storyline.store.db import open_engine
from storyline.store.schema import documents

PROJECT = Path(__file__).resolve().parents[3]
LABELS = PROJECT / "tests" / "data" / "event-labels.jsonl"


def labelled_features(db: str, labels: list[dict]) -> tuple[list[list[str]], list[int], list[str], int]:
    """Features, 0/1 labels and documents of the labelled records the current code still produces,
    and how many labels found no record."""
    by_doc: dict[str, list[dict]] = {}
    for lab in labels:
        by_doc.setdefault(lab["doc"], []).append(lab)
    X, y, groups, missing = [], [], [], 0
    engine = open_engine(db if "://" in db else f"sqlite:///{db}")
    with engine.connect() as conn:
        refs = dict(conn.execute(select(documents.c.ref, documents.c.id).where(documents.c.ref.in_(list(by_doc)))).all())
        ids = dict(conn.execute(select(documents.c.id, documents.c.id).where(documents.c.id.in_(list(by_doc)))).all())
        for ref, labs in by_doc.items():
            doc_id = refs.get(ref) or ids.get(ref)
            if doc_id is None:
                missing += len(labs)
                continue
            pub = conn.execute(select(documents.c.pub_date).where(documents.c.id == doc_id)).scalar_one()
            rows = analysis_store.load(conn, doc_id)
            doc = load_doc(analysis_store.docbin(conn, doc_id))
            sentences = [SentenceRec(**r) for r in rows["sentences"]]
            mentions = find_actors(doc, doc_id, sentences, [EntityRec(**r) for r in rows["entities"]])
            found = {(e.start, e.end, e.type): f for e, f in
                     featured_events(doc, doc_id, pub, sentences, [TimexRec(**r) for r in rows["timexes"]], mentions)}
            for lab in labs:
                f = found.get((lab["start"], lab["end"], lab["type"]))
                if f is None:
                    missing += 1
                    continue
                X.append(f)
                y.append(1 if lab["ok"] else 0)
                groups.append(ref)
    return X, y, groups, missing


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="a store holding the analysed shared corpus")
    ap.add_argument("--labels", default=str(LABELS))
    # 95 %, not 90 %: blind hand checks of merged events have found fewer right than the out-of-fold figure
    ap.add_argument("--target", type=float, default=0.95, help="out-of-fold precision the default threshold must reach")
    ap.add_argument("--write", action="store_true", help=f"write the model to {MODEL_FILE.name}")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss, roc_auc_score
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    labels = [json.loads(line) for line in Path(args.labels).read_text().splitlines() if line.strip()]
    X, y, groups, missing = labelled_features(args.db, labels)
    print(f"{len(labels)} labels, {len(X)} matched to records ({missing} not produced by the current code); "
          f"{sum(y)} right ({sum(y) / max(len(y), 1):.1%})")
    vec = DictVectorizer()
    M = vec.fit_transform([{k: 1.0 for k in f} for f in X])
    y_arr = np.array(y)
    folds = StratifiedGroupKFold(n_splits=10, shuffle=True, random_state=0)  # a document's records in one fold
    best = None
    for C in (0.03, 0.1, 0.3, 1.0, 3.0):
        p = cross_val_predict(LogisticRegression(C=C, max_iter=2000), M, y_arr, cv=folds, groups=groups, method="predict_proba")[:, 1]
        loss = log_loss(y_arr, p)
        print(f"C={C:<5} out-of-fold log loss {loss:.4f}  AUC {roc_auc_score(y_arr, p):.3f}")
        if best is None or loss < best[0]:
            best = (loss, C, p)
    _, C, p = best
    print(f"\nchosen C={C}; out-of-fold precision of the records kept at each threshold:")
    threshold = None
    for t in [x / 40 for x in range(0, 40)]:
        kept = p >= t
        if not kept.any():
            break
        prec = y_arr[kept].mean()
        print(f"  >= {t:.2f}: keeps {kept.mean():6.1%} of records, {prec:6.1%} right")
        if threshold is None and prec >= args.target:
            threshold = t
    print(f"default threshold (first reaching {args.target:.0%}): {threshold}")
    model = LogisticRegression(C=C, max_iter=2000).fit(M, y_arr)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-4}
    top = sorted(weights.items(), key=lambda kv: kv[1])
    print("most negative:", ", ".join(f"{k} {v:+.2f}" for k, v in top[:12]))
    print("most positive:", ", ".join(f"{k} {v:+.2f}" for k, v in top[-12:]))
    if args.write:
        MODEL_FILE.write_text(json.dumps({
            "bias": round(float(model.intercept_[0]), 4), "threshold": threshold if threshold is not None else 0.5,
            "C": C, "labels": len(y), "right": int(sum(y)), "weights": dict(sorted(weights.items())),
        }, indent=0) + "\n")
        print(f"wrote {MODEL_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
