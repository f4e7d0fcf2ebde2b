"""A second labelled text corpus, on any Debian-like machine: manual pages by section.

``load(("2", "3", "5", "7", "8"))`` reads up to ``per_section`` pages of each
section of ``/usr/share/man`` (a fixed random draw; pages that only point to
another page are skipped), strips the roff requests and inline escapes, and
returns their tf-idf rows (2,000 words, English stop words removed,
sublinear term frequencies, dense float32) and the section of each as its
label. Which pages exist depends on the packages installed: the figures of
doc/results.rst (``results_text_neighbours``) are this machine's (1,825 pages
for sections 2, 3, 5, 7 and 8; 1,827 for 1, 2, 3, 5 and 8).
"""
import gzip, os, re, numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

def load(sections=("2", "3", "5", "7", "8"), per_section=400, seed=0, max_features=2000):
    rng = np.random.RandomState(seed)
    texts, labels = [], []
    for i, s in enumerate(sections):
        d = f"/usr/share/man/man{s}"
        names = sorted(n for n in os.listdir(d) if n.endswith(".gz"))
        names = [names[j] for j in rng.permutation(len(names))[:per_section]]
        for n in names:
            try:
                raw = gzip.open(os.path.join(d, n), "rt", errors="ignore").read()
            except OSError:
                continue
            if raw.startswith(".so ") and len(raw) < 200:  # a link to another page
                continue
            body = re.sub(r"^\.\S+", " ", raw, flags=re.M)       # roff requests / macros
            body = re.sub(r"\\f[BIRP]|\\-|\\\(\w\w|\\[&e]", " ", body)  # inline escapes
            texts.append(body); labels.append(i)
    X = TfidfVectorizer(max_features=max_features, stop_words="english", sublinear_tf=True,
                        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b").fit_transform(texts)
    return X.toarray().astype(np.float32), np.array(labels)

if __name__ == "__main__":
    X, y = load()  # python manpages.py: the corpus' shape
    print(X.shape, np.bincount(y), "empty", int((~np.any(X != 0, axis=1)).sum()), "zeros", round(1 - np.count_nonzero(X) / X.size, 3))
