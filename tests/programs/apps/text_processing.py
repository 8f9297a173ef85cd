# Text processing on generated text: word frequencies, n-grams, wrapping, run-length coding, anagrams.
WORDS = ("time person year way day thing man world life hand part child eye woman place work week "
         "case point government company number group problem fact stone river light night dream "
         "silver garden window mountain letter story engine signal tower harbor meadow lantern").split()
ADJ = "old new good small great little large long young high early important bright quiet".split()
class Rng:
    def __init__(self, seed):
        self.x = seed
    def next(self):
        self.x = (self.x * 48271) % 2147483647
        return self.x
    def pick(self, seq):
        return seq[self.next() % len(seq)]
rng = Rng(99991)
sentences = []
for i in range(120):
    n = 4 + rng.next() % 9
    words = []
    for j in range(n):
        if rng.next() % 4 == 0:
            words.append(rng.pick(ADJ))
        words.append(rng.pick(WORDS))
    s = " ".join(words)
    sentences.append(s[0].upper() + s[1:] + ("." if rng.next() % 5 else "!"))
text = " ".join(sentences)
print("characters:", len(text))
print(text[:300])
tokens = [w.strip(".!").lower() for w in text.split()]
print("tokens:", len(tokens), "distinct:", len(set(tokens)))
freq = {}
for t in tokens:
    freq[t] = freq.get(t, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in top[:15]:
    print("%-12s %4d %s" % (word, count, "#" * (count // 4)))
bigrams = {}
for a, b in zip(tokens, tokens[1:]):
    key = a + " " + b
    bigrams[key] = bigrams.get(key, 0) + 1
print("top bigrams:", sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
lengths = {}
for t in tokens:
    lengths.setdefault(len(t), []).append(t)
for L in sorted(lengths):
    print(L, len(lengths[L]), sorted(dict.fromkeys(lengths[L]))[:5])
def wrap(words, width):
    lines = []
    cur = ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
lines = wrap(text.split()[:150], 48)
for ln in lines:
    print("|" + ln.ljust(48) + "|")
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]
for ln in lines[:8]:
    print("[" + justify(ln, 48) + "]")
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]) if j - i > 1 else s[i])
        i = j
    return "".join(out)
def unrle(s):
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * (int(num) if num else 1))
            num = ""
    return "".join(out)
bits = "".join("#" if rng.next() % 3 else "." for _ in range(200))
enc = rle(bits)
print(bits[:80])
print(enc[:80], len(bits), len(enc), unrle(enc) == bits)
groups = {}
for w in dict.fromkeys(tokens + ["night", "thing", "night", "tower", "wrote", "lemon", "melon", "solemn", "lemons"]):
    groups.setdefault("".join(sorted(w)), []).append(w)
anagrams = sorted(sorted(g) for g in groups.values() if len(g) > 1)
print("anagram groups:", anagrams)
vowels = sum(1 for ch in text.lower() if ch in "aeiou")
print("vowels:", vowels, "ratio: %.4f" % (vowels / len(text)))
caps = [w for w in text.split() if w[0].isupper()]
print("capitalised:", len(caps), caps[:6])
longest = max(sentences, key=len)
print("longest sentence (%d chars): %s" % (len(longest), longest))
acronym = "".join(s.split()[0][0] for s in sentences[:40])
print("acronym:", acronym)
index = {}
for pos, t in enumerate(tokens):
    index.setdefault(t, []).append(pos)
print("positions of 'river':", index.get("river", [])[:10])
print("positions of 'lantern':", index.get("lantern", [])[:10])
