#!/usr/bin/env python3
"""Independent verifier for a Gongshi public log, written only from docs/transparency-log.md.

Python 3 standard library only. Exit 0 when everything holds, 1 on a failed check, 2 on bad usage.
"""
import argparse, base64, hashlib, json, os, re, sys
import urllib.error, urllib.parse, urllib.request

PAGE = 1000
HEX64 = re.compile(r"[0-9a-f]{64}\Z")
HEX128 = re.compile(r"[0-9a-f]{128}\Z")
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")  # SEQ{SEQ{OID 1.3.101.112}, BIT STRING}

class Fail(Exception):
    def __init__(self, message, index=None):
        super().__init__(message)
        self.index = index

# ---------------------------------------------------------------- Ed25519 (RFC 8032 §5.1, verify only)
P = 2**255 - 19
Q = 2**252 + 27742317777372353535851937790883648493  # group order L
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)

def _recover_x(y, sign):
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if y >= P or x2 == 0:
        return None if y >= P or sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    if (x & 1) != sign:
        x = P - x
    return x

def _add(a, b):  # extended twisted Edwards coordinates (X, Y, Z, T)
    A = (a[1] - a[0]) * (b[1] - b[0]) % P
    B = (a[1] + a[0]) * (b[1] + b[0]) % P
    C = 2 * a[3] * b[3] * D % P
    Dd = 2 * a[2] * b[2] % P
    E, F, G, H = B - A, Dd - C, Dd + C, B + A
    return (E * F % P, G * H % P, F * G % P, E * H % P)

def _mul(s, pt):
    acc = (0, 1, 1, 0)
    for bit in reversed(bin(s)[2:]):
        acc, pt = (_add(acc, pt) if bit == "1" else acc), _add(pt, pt)
    return acc

def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0

def _decompress(s):
    y = int.from_bytes(s, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)

_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0)
BASE = (_GX, _GY, 1, _GX * _GY % P)

def ed25519_verify(public, msg, sig):
    if len(public) != 32 or len(sig) != 64:
        return False
    A, R, s = _decompress(public), _decompress(sig[:32]), int.from_bytes(sig[32:], "little")
    if A is None or R is None or s >= Q:
        return False
    k = int.from_bytes(hashlib.sha512(sig[:32] + public + msg).digest(), "little") % Q
    return _equal(_mul(s, BASE), _add(R, _mul(k, A)))  # [S]B = R + [k]A (allowed by §5.1.7)

# ---------------------------------------------------------------- canonical JSON (the subset we need)
_ESC = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}

def jcs_string(s):  # as ECMAScript JSON.stringify: escape only '"', '\\' and U+0000..U+001F
    return '"' + "".join(_ESC.get(c) or ("\\u%04x" % ord(c) if c < " " else c) for c in s) + '"'

def jcs_object(members):
    """members: dict of str -> str | int. Sorted by UTF-16 code units, no whitespace."""
    def enc(v):
        if isinstance(v, bool) or not isinstance(v, (int, str)):
            raise ValueError("only strings and integers are supported")
        return jcs_string(v) if isinstance(v, str) else str(v)
    keys = sorted(members, key=lambda k: k.encode("utf-16-be"))
    return "{" + ",".join(jcs_string(k) + ":" + enc(members[k]) for k in keys) + "}"

# ---------------------------------------------------------------- Merkle tree (RFC 9162 §2.1)
def sha256(b):
    return hashlib.sha256(b).digest()

def leaf_hash(leaf_bytes):  # SHA-256(0x00 || leaf)
    return sha256(b"\x00" + leaf_bytes)

def node_hash(left, right):  # SHA-256(0x01 || left || right), raw 32-byte hashes
    return sha256(b"\x01" + left + right)

def split(n):  # the largest power of two smaller than n (n > 1)
    return 1 << ((n - 1).bit_length() - 1)

def mth(hashes):
    """Merkle tree hash over a list of leaf hashes."""
    if len(hashes) <= 1:
        return hashes[0] if hashes else sha256(b"")
    k = split(len(hashes))
    return node_hash(mth(hashes[:k]), mth(hashes[k:]))

def verify_inclusion(index, size, lhash, path, root):  # RFC 9162 §2.1.3.2
    if index >= size:
        return False
    fn, sn, r = index, size - 1, lhash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:  # only when fn was even
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root

def verify_consistency(first, second, first_root, second_root, path):  # RFC 9162 §2.1.4.2
    if first == second:
        return not path and first_root == second_root
    if first < 1 or first > second or not path:
        return False
    if first & (first - 1) == 0:
        path = [first_root] + list(path)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:  # only when fn was even
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == first_root and sr == second_root and sn == 0

# ---------------------------------------------------------------- HTTP
class Client:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def get(self, path, **params):
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        req = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                body = resp.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:300]
            raise Fail("GET %s answered %d: %s" % (url, e.code, detail))
        except (urllib.error.URLError, OSError) as e:
            raise Fail("GET %s failed: %s" % (url, e))
        try:
            return json.loads(body.decode("utf-8"))
        except ValueError:
            raise Fail("GET %s: answer is not JSON" % url)

def unhex(value, pattern, what, index=None):
    if not isinstance(value, str) or not pattern.match(value):
        raise Fail("%s is not lowercase hex of the right length: %r" % (what, value), index)
    return bytes.fromhex(value)

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)

# ---------------------------------------------------------------- the checks of §7
def public_key_from_pem(pem):
    body = "".join(l for l in pem.strip().splitlines() if l and not l.startswith("-----"))
    try:
        der = base64.b64decode(body, validate=True)
    except ValueError:
        raise Fail("public key PEM is not valid base64")
    if len(der) != 44 or not der.startswith(ED25519_SPKI_PREFIX):
        raise Fail("public key is not a 44-byte Ed25519 SubjectPublicKeyInfo")
    return der, der[12:]

def check_sth(sth, pub, key_id, forge_root=False):
    for f in ("tree_size", "timestamp"):
        if not is_int(sth.get(f)) or sth[f] < 0:
            raise Fail("tree head %s is not a non-negative integer: %r" % (f, sth.get(f)))
    root = unhex(sth.get("root_hash"), HEX64, "tree head root_hash")
    sig = unhex(sth.get("signature"), HEX128, "tree head signature")
    if "key_id" in sth and sth["key_id"] != key_id:
        raise Fail("tree head key_id %r is not the key's %s" % (sth["key_id"], key_id))
    if forge_root:  # debug only: pretend the server sent another root
        root = sha256(root)
        sth = dict(sth, root_hash=root.hex())
    signed = jcs_object({"root_hash": sth["root_hash"], "timestamp": sth["timestamp"],
                         "tree_size": sth["tree_size"]}).encode("utf-8")
    if not ed25519_verify(pub, signed, sig):
        raise Fail("tree head signature does not verify (tree_size %d)" % sth["tree_size"])
    return root

LEAF_MEMBERS = ("contentHash", "index", "kind", "publishedAt", "recordId")

def check_leaf(i, entry):
    if not isinstance(entry, dict) or entry.get("index") != i or not is_int(entry.get("index")):
        raise Fail("entry index is %r, expected %d" % (entry.get("index") if isinstance(entry, dict) else entry, i), i)
    leaf = entry.get("leaf")
    if not isinstance(leaf, str):
        raise Fail("entry has no leaf string", i)
    if not leaf.startswith('{"contentHash":"') or not HEX64.match(leaf[16:80]) \
            or not leaf.startswith('","index":%d,' % i, 80):
        raise Fail("leaf does not have the documented prefix/offset form", i)
    try:
        obj = json.loads(leaf)
    except ValueError:
        raise Fail("leaf is not JSON", i)
    if not isinstance(obj, dict) or tuple(sorted(obj)) != LEAF_MEMBERS or obj["index"] != i \
            or not all(isinstance(obj[k], str) for k in LEAF_MEMBERS if k != "index"):
        raise Fail("leaf does not have exactly the members %s" % ", ".join(LEAF_MEMBERS), i)
    if jcs_object(obj) != leaf:
        raise Fail("leaf is not canonical JSON", i)
    lh = leaf_hash(leaf.encode("utf-8"))
    if unhex(entry.get("leaf_hash"), HEX64, "leaf_hash", i) != lh:
        raise Fail("SHA-256(0x00 || leaf) does not equal leaf_hash", i)
    return obj, lh

def fetch_entries(client, size):
    entries, start = [], 0
    while start < size:
        end = min(start + PAGE, size)
        page = client.get("/api/v1/log/entries", start=start, end=end).get("entries")
        if not isinstance(page, list) or not page:
            raise Fail("no entries returned for start=%d end=%d" % (start, end), start)
        if len(page) > end - start:
            raise Fail("too many entries returned for start=%d end=%d" % (start, end), start)
        entries.extend(page)
        start += len(page)
    return entries

def locate_first_difference(client, hashes, size, signed_root):
    """Largest m whose local prefix is consistent with the signed root; leaf m is the first that differs."""
    lo, hi = 0, size  # prefix lo is consistent (0 trivially); prefix hi is not
    while hi - lo > 1:
        m = (lo + hi) // 2
        proof = client.get("/api/v1/log/proof/consistency", first=m, second=size)
        path = [unhex(h, HEX64, "consistency_path entry") for h in proof.get("consistency_path", [])]
        if verify_consistency(m, size, mth(hashes[:m]), signed_root, path):
            lo = m
        else:
            hi = m
    return lo

def check_growth(client, state, sth, root, key_id):
    if state.get("key_id") != key_id:
        raise Fail("the log key changed: state has key_id %s, server has %s" % (state.get("key_id"), key_id))
    m, n = state["tree_size"], sth["tree_size"]
    old_root = bytes.fromhex(state["root_hash"])
    if n < m:
        raise Fail("the log shrank: remembered tree_size %d, now %d" % (m, n))
    if n == m:
        if root != old_root:
            raise Fail("the log was rewritten: tree_size %d has another root" % n)
        return "unchanged at tree_size %d" % n
    if sth["timestamp"] <= state["timestamp"]:
        raise Fail("tree head timestamp did not increase")
    if m == 0:
        return "grew from 0 to %d" % n
    proof = client.get("/api/v1/log/proof/consistency", first=m, second=n)
    if proof.get("first") != m or proof.get("second") != n:
        raise Fail("consistency proof is for %r..%r, asked %d..%d" % (proof.get("first"), proof.get("second"), m, n))
    path = [unhex(h, HEX64, "consistency_path entry") for h in proof.get("consistency_path") or []]
    if not verify_consistency(m, n, old_root, root, path):
        raise Fail("consistency proof from tree_size %d to %d does not verify: history was rewritten" % (m, n))
    return "consistent from %d to %d" % (m, n)

def check_record(client, record_id, leaves, size, root):
    rec = client.get("/api/v1/records/" + urllib.parse.quote(record_id, safe=""))
    i = rec.get("logIndex")
    if not is_int(i) or i < 0:
        raise Fail("record has no logIndex: %r" % i)
    if i >= size:
        raise Fail("record's logIndex %d is not yet covered by the signed tree head (size %d); retry later" % (i, size), i)
    leaf, lh = leaves[i]
    content = rec.get("canonicalContent")
    if not isinstance(content, str):
        raise Fail("record has no canonicalContent", i)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    if digest != leaf["contentHash"]:
        raise Fail("SHA-256 of canonicalContent is %s, the leaf says %s" % (digest, leaf["contentHash"]), i)
    if "contentHash" in rec and rec["contentHash"] != digest:
        raise Fail("record's contentHash is not the SHA-256 of its canonicalContent", i)
    for field, value in (("recordId", record_id), ("kind", rec.get("kind")), ("publishedAt", rec.get("publishedAt"))):
        if leaf[field] != value:
            raise Fail("record %s %r does not match the leaf's %r" % (field, value, leaf[field]), i)
    if "id" in rec and rec["id"] != record_id:
        raise Fail("record answered with id %r" % rec["id"], i)
    log = rec.get("log")
    if isinstance(log, dict):  # optional: the record's copy of its log entry, and the chain hash of §9
        chain = bytes(32)
        for h in (lh2 for _, lh2 in leaves[:i + 1]):
            chain = sha256(chain + h)
        for field, want in (("index", i), ("leafHash", lh.hex()), ("chainHash", chain.hex())):
            if field in log and log[field] != want:
                raise Fail("record's log.%s is %r, expected %r" % (field, log[field], want), i)
        if "leaf" in log and (not isinstance(log["leaf"], str) or leaf_hash(log["leaf"].encode("utf-8")) != lh):
            raise Fail("record's log.leaf is not the leaf at its logIndex", i)
    proof = client.get("/api/v1/log/proof/inclusion", index=i, tree_size=size)
    if proof.get("index") != i or proof.get("tree_size") != size:
        raise Fail("inclusion proof is for index %r size %r" % (proof.get("index"), proof.get("tree_size")), i)
    if unhex(proof.get("leaf_hash"), HEX64, "proof leaf_hash", i) != lh:
        raise Fail("inclusion proof names another leaf hash", i)
    path = [unhex(h, HEX64, "audit_path entry", i) for h in proof.get("audit_path") or []]
    if not verify_inclusion(i, size, lh, path, root):
        raise Fail("inclusion proof does not verify against the signed root of size %d" % size, i)
    return i

def run(args):
    client = Client(args.url)
    key = client.get("/api/v1/log/key")
    pem = key.get("public_key_pem")
    if args.key:
        with open(args.key, encoding="utf-8") as f:
            pem = f.read()
    if not isinstance(pem, str):
        raise Fail("key answer has no public_key_pem")
    der, pub = public_key_from_pem(pem)
    key_id = hashlib.sha256(der).hexdigest()
    if key.get("key_id") != key_id:
        raise Fail("key_id %r is not SHA-256 of the %s key's SPKI (%s)"
                   % (key.get("key_id"), "pinned" if args.key else "served", key_id))
    if key.get("algorithm") != "Ed25519":
        raise Fail("key algorithm is %r, not Ed25519" % key.get("algorithm"))
    sth = client.get("/api/v1/log/sth")
    root = check_sth(sth, pub, key_id, forge_root=args.debug_forge_root)
    size = sth["tree_size"]
    print("tree head: tree_size %d, timestamp %d, root %s, signature OK" % (size, sth["timestamp"], root.hex()))

    entries = fetch_entries(client, size)
    leaves = [check_leaf(i, e) for i, e in enumerate(entries)]
    hashes = [lh for _, lh in leaves]
    if mth(hashes) != root:
        first_bad = locate_first_difference(client, hashes, size, root)
        raise Fail("the %d leaves do not hash to the signed root" % size, first_bad)
    print("entries: %d leaves checked, Merkle root matches" % size)

    if args.state and os.path.exists(args.state):
        try:
            with open(args.state, encoding="utf-8") as f:
                state = json.load(f)
            state = dict(state, tree_size=int(state["tree_size"]), timestamp=int(state["timestamp"]),
                         root_hash=unhex(state["root_hash"], HEX64, "state root_hash").hex())
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise Fail("cannot read state file %s: %s" % (args.state, e))
        print("growth: " + check_growth(client, state, sth, root, key_id))
    if args.record:
        i = check_record(client, args.record, leaves, size, root)
        print("record %s: content hash, fields and inclusion proof at index %d OK" % (args.record, i))
    if args.state:
        new = {"url": args.url, "key_id": key_id, "tree_size": size, "timestamp": sth["timestamp"],
               "root_hash": root.hex(), "signature": sth["signature"]}
        tmp = args.state + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(new, f, indent=2)
        os.replace(tmp, args.state)
        print("state: saved tree_size %d to %s" % (size, args.state))
    print("OK")

# ---------------------------------------------------------------- self-test
def self_test():
    ct = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43",
          bytes(range(0x50, 0x58)), bytes(range(0x60, 0x70))]
    hs = [leaf_hash(x) for x in ct]
    assert mth(hs).hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", "CT root"
    assert mth([]).hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    for n in range(1, 9):  # proofs built from the definitions, checked by the verifiers
        for m in range(n):
            assert verify_inclusion(m, n, hs[m], _path(m, hs[:n]), mth(hs[:n])), ("inclusion", m, n)
        for m in range(1, n):
            proof = _proof(m, hs[:n], True)
            assert verify_consistency(m, n, mth(hs[:m]), mth(hs[:n]), proof), ("consistency", m, n)
            assert not verify_consistency(m, n, sha256(b"x"), mth(hs[:n]), proof)
    content = '{"category":"platform","paragraphs":["示例"],"publisher":{"id":"x","name":"北京市财政局"},"title":"示例公告"}'
    ch = hashlib.sha256(content.encode()).hexdigest()
    assert ch == "557c89ac2feaf8ac5281333a83007647189897d2df6b8b74bc08bc54043d396f", "example contentHash"
    leaf0 = jcs_object({"index": 0, "kind": "announcement", "recordId": "0190b7b0-1234-7abc-8def-0123456789ab",
                        "publishedAt": "2026-11-26T02:00:00.000Z", "contentHash": ch})
    assert leaf_hash(leaf0.encode()).hex() == "b56673dbe9b9ec571f9971e49b501433c8d9a9ea445c9d04f119eb3be47f4ebe"
    check_leaf(0, {"index": 0, "leaf": leaf0, "leaf_hash": leaf_hash(leaf0.encode()).hex()})
    leaf1 = leaf0.replace('"index":0', '"index":1').replace("02:00:00.000Z", "02:00:01.000Z").replace("89ab", "89ac")
    h1 = leaf_hash(leaf1.encode())
    assert h1.hex() == "9cd5ab822a04c4f907472685e2e35fb84cd2f870a4a83775df7c0a5230343059", "example leaf 1"
    root2 = mth([leaf_hash(leaf0.encode()), h1]).hex()
    assert root2 == "c26d5d75bdd9d44ee00a6d0072c524418a83d1fd19258d219ddb87f5a23a8ae5", "example 2-leaf root"
    assert jcs_object({"tree_size": 2, "timestamp": 1795716000000, "root_hash": root2}) == \
        '{"root_hash":"%s","timestamp":1795716000000,"tree_size":2}' % root2
    # RFC 8032 §7.1 TEST 1 and TEST 2
    v = [("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
         ("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
          "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    for pk, msg, sig in v:
        pk, msg, sig = bytes.fromhex(pk), bytes.fromhex(msg), bytes.fromhex(sig)
        assert ed25519_verify(pk, msg, sig), "RFC 8032 vector"
        assert not ed25519_verify(pk, msg + b"!", sig), "RFC 8032 vector, altered message"
    print("self-test OK")

def _path(m, d):  # RFC 9162 §2.1.3.1, for the self-test only
    if len(d) == 1:
        return []
    k = split(len(d))
    return _path(m, d[:k]) + [mth(d[k:])] if m < k else _path(m - k, d[k:]) + [mth(d[:k])]

def _proof(m, d, b):  # RFC 9162 §2.1.4.1 SUBPROOF, for the self-test only
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = split(n)
    return _proof(m, d[:k], b) + [mth(d[k:])] if m <= k else _proof(m - k, d[k:], False) + [mth(d[:k])]

def main():
    ap = argparse.ArgumentParser(description="Independently verify a Gongshi public log.")
    ap.add_argument("--url", help="server base URL, e.g. http://127.0.0.1:3217")
    ap.add_argument("--state", help="file remembering the last verified tree head (created if missing)")
    ap.add_argument("--record", help="also verify this record id against its leaf and inclusion proof")
    ap.add_argument("--key", help="PEM file of the trusted log key (instead of trusting the served one)")
    ap.add_argument("--self-test", action="store_true", help="check against the reference vectors and exit")
    ap.add_argument("--debug-forge-root", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.url and not args.self_test:
        ap.error("--url is required")
    try:
        self_test() if args.self_test else run(args)
    except AssertionError as e:
        print("FAIL: self-test: %s" % e)
        return 1
    except Fail as e:
        where = "at index %d: " % e.index if e.index is not None else ""
        print("FAIL: %s%s" % (where, e))
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
