import type { Catalogue, Locale } from '../../platform/views/i18n.js';

const zh: Catalogue = {
  'nav.transparency': '公开日志',
  'log.title': '公开日志：核验公示没有被改动',
  'log.lead':
    '平台发布的每一条信息都写入一个只能追加的公开日志。日志按国际通行的证书透明度规范（RFC 9162）组织成默克尔树，并由平台定期签名。任何人都可以下载日志、自行计算，确认信息确实发布过、之后没有被修改或删除。',
  'log.guaranteeTitle': '它保证什么',
  'log.guarantee.append':
    '只能追加：每条公示在发布的同一时刻成为日志中的一条，编号连续，不能插队，也不能撤回。',
  'log.guarantee.signed':
    '有签名：平台定期对日志的“树根摘要”签名（Ed25519）。签过名的树根代表当时全部公示的内容，之后任何一条被改动，算出的树根就对不上。',
  'log.guarantee.proof':
    '可单独证明：对任何一条公示，平台都能给出一条“包含证明”（几十个摘要值），证明它就在签过名的日志里。',
  'log.guarantee.consistency':
    '前后一致：对两个不同时间的签名，平台能给出“一致性证明”，证明新日志只是在旧日志后面追加，旧的内容一条也没变。',
  'log.guarantee.limits':
    '它不能阻止平台发布错误的信息，但能让任何改动都留下证据：只要有人保存过一次签名（核验工具会自动保存），之后的篡改就瞒不过去。',
  'log.latestHead': '最新签名',
  'log.treeSize': '日志条数',
  'log.signedAt': '签名时间',
  'log.rootHash': '树根摘要',
  'log.signature': '签名',
  'log.keyId': '公钥编号',
  'log.noTreeHead': '还没有签名。平台启动后会在几秒内签出第一个。',
  'log.interval': '日志有新增时，平台最多每 {seconds} 秒签名一次。',
  'log.howToVerify': '怎样核验',
  'log.howToVerify.cli':
    '最简单的办法是用平台自带的核验工具（在 Gongshi 源代码目录中执行 npm install 之后即可运行）。它只通过公开接口取数据，自己验签、自己计算，全部通过才返回 0；发现问题会指出是第几条。加上 --state 参数，它会记住这次核验过的签名，下次自动检查新日志是否只是在后面追加。',
  'log.howToVerify.own': '也可以按公开的技术文档（docs/transparency-log.md）自己编写核验程序，用到以下接口：',
  'log.api.key': '签名用的公钥（PEM 格式）及其编号',
  'log.api.sth': '最新的签名；加 ?tree_size=N 取得过去的签名',
  'log.api.entries': '日志条目原文及摘要，每次最多 1000 条',
  'log.api.inclusion': '某一条的包含证明',
  'log.api.consistency': '两个签名之间的一致性证明',
  'log.keyIdNow': '本平台当前的公钥编号：{keyId}',
  'log.proofTitle': '包含证明',
  'log.record': '公示信息',
  'log.leafIndex': '日志序号',
  'log.proofLead':
    '下列摘要值证明第 {index} 条在最新签名的 {size} 条日志之中：用这条的摘要依次与它们合并计算，得到的结果就是签过名的树根摘要。',
  'log.auditPath': '证明路径',
  'log.auditPathEmpty': '日志只有这一条，它的摘要就是树根摘要，不需要其他摘要值。',
  'log.proofJson': '以 JSON 格式取得这份证明',
  'log.notYetCovered':
    '这一条刚刚发布，还没有进入最新的签名。平台最多每 {seconds} 秒签名一次，请稍后刷新本页。',
  'log.noTreeHeadAtSize': '没有在日志条数为 {size} 时签过名。',
  'log.sizeTooLarge': '日志现在只有 {max} 条，{size} 超出范围。',
  'log.sizeBeyondSigned': '最新的签名覆盖 {max} 条，还没有在 {size} 条时签过名。',
  'log.sizeTooSmall': '日志条数至少为 1。',
  'log.indexOutside': '序号 {index} 不在 {size} 条日志之内（序号从 0 开始）。',
  'log.startTooLarge': '起始序号 {start} 超出范围：日志现在有 {size} 条（序号从 0 开始）。',
  'log.endNotAfterStart': '结束序号 {end} 必须大于起始序号 {start}。',
  'log.tooManyEntries': '一次最多取 {max} 条。',
  'log.firstTooSmall': '第一个日志条数至少为 1。',
  'log.firstAfterSecond': '第一个日志条数 {first} 不能大于第二个 {second}。',
};

const en: Catalogue = {
  'nav.transparency': 'Public log',
  'log.title': 'The public log: checking that nothing published was changed',
  'log.lead':
    'Everything the platform publishes is written into an append-only public log, organised as a Merkle tree by the Certificate Transparency standard (RFC 9162) and signed by the platform at regular intervals. Anyone can download the log and compute for themselves that a record was published and has not been changed or removed since.',
  'log.guaranteeTitle': 'What it guarantees',
  'log.guarantee.append':
    'Append-only: each record becomes an entry of the log at the moment it is published, numbered in sequence; nothing can be slipped in between or taken back.',
  'log.guarantee.signed':
    'Signed: the platform regularly signs the log’s root hash (Ed25519). A signed root stands for every publication up to then; change any of them and the root no longer matches.',
  'log.guarantee.proof':
    'Provable one by one: for any record the platform gives an inclusion proof (a few dozen hashes) that it is in the signed log.',
  'log.guarantee.consistency':
    'Consistent over time: for two signatures the platform gives a consistency proof that the newer log only adds to the older one, which is unchanged.',
  'log.guarantee.limits':
    'It cannot stop the platform publishing something wrong, but it makes every later change evident: once anyone has kept a signature (the verifier keeps it for you), tampering cannot go unnoticed.',
  'log.latestHead': 'Latest signature',
  'log.treeSize': 'Entries',
  'log.signedAt': 'Signed',
  'log.rootHash': 'Root hash',
  'log.signature': 'Signature',
  'log.keyId': 'Key id',
  'log.noTreeHead': 'Nothing signed yet. The platform signs the first tree head within seconds of starting.',
  'log.interval': 'When the log has grown, the platform signs at most every {seconds} seconds.',
  'log.howToVerify': 'How to verify',
  'log.howToVerify.cli':
    'The simplest way is the verifier that comes with the platform (run it in a copy of the Gongshi source after npm install). It takes data from the public API only, checks the signature and computes everything itself, and exits with 0 only when all holds; otherwise it names the entry that fails. With --state it remembers the signature it verified, and next time checks that the log has only grown.',
  'log.howToVerify.own':
    'You can also write your own verifier from the published specification (docs/transparency-log.md), with these endpoints:',
  'log.api.key': 'the public key that signs (PEM) and its id',
  'log.api.sth': 'the latest signature; ?tree_size=N for an earlier one',
  'log.api.entries': 'the entries as published and their hashes, up to 1000 at a time',
  'log.api.inclusion': 'the inclusion proof of one entry',
  'log.api.consistency': 'the consistency proof between two signatures',
  'log.keyIdNow': 'This platform’s key id: {keyId}',
  'log.proofTitle': 'Inclusion proof',
  'log.record': 'Record',
  'log.leafIndex': 'Log index',
  'log.proofLead':
    'These hashes prove that entry {index} is among the {size} entries of the latest signature: combine the entry’s hash with each in turn and the result is the signed root hash.',
  'log.auditPath': 'Audit path',
  'log.auditPathEmpty': 'The log has only this entry; its hash is the root hash and no other hash is needed.',
  'log.proofJson': 'This proof as JSON',
  'log.notYetCovered':
    'This record was just published and is not in the latest signature yet. The platform signs at most every {seconds} seconds; reload this page shortly.',
  'log.noTreeHeadAtSize': 'No tree head was signed at {size} entries.',
  'log.sizeTooLarge': 'The log has {max} entries now; {size} is out of range.',
  'log.sizeBeyondSigned': 'The latest signature covers {max} entries; nothing has been signed at {size} yet.',
  'log.sizeTooSmall': 'The tree size must be at least 1.',
  'log.indexOutside': 'Index {index} is not within {size} entries (indices start at 0).',
  'log.startTooLarge': 'Start {start} is out of range: the log has {size} entries (indices start at 0).',
  'log.endNotAfterStart': 'End {end} must be greater than start {start}.',
  'log.tooManyEntries': 'At most {max} entries at a time.',
  'log.firstTooSmall': 'The first tree size must be at least 1.',
  'log.firstAfterSecond': 'The first tree size {first} cannot be greater than the second, {second}.',
};

export const transparencyMessages: Record<Locale, Catalogue> = { 'zh-CN': zh, en };
