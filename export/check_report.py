"""A received dossier's check, worded for the recipient in Chinese or English (and as JSON data)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from export.dossier_check import AttachmentState, DossierCheck, InputProblem

_TEXTS = {
    "zh": {
        "title": "证据材料核验报告",
        "ok": "结论：核验通过，文件自签名以来未被改动。",
        "failed": "结论：核验未通过，见标“✗”的项目。",
        "pages": "页数：{n}",
        "damaged": "✗ 文件结构已损坏，电子签名无法核验：文件在导出后被改动过。",
        "unsigned": "✗ 文件没有证据保险箱的电子签名（可能不是导出的原件，或签名已被去除）。",
        "intact": "✓ 电子签名完好，覆盖整个文件。",
        "not_intact": "✗ 电子签名与文件内容不符：文件在签名后被改动过。",
        "not_whole": "✗ 签名之后文件被追加了其他内容（时间戳以外的改动）。",
        "signer": "签名人：{name}",
        "fingerprint": "签名证书指纹（SHA-256）：{fp}",
        "fingerprint_mismatch": "✗ 签名证书指纹与材料封面、完整性清单所载指纹不一致。",
        "no_manifest": "✗ 文件中没有完整性清单数据，无法逐一核对附件。",
        "cert_trusted": "✓ 签名证书与您提供的证书一致。",
        "cert_untrusted": "✗ 签名证书与您提供的证书不一致。",
        "cert_unchecked": "签名证书未与提交人提供的证书比对（可用 --cert 指定）；请核对上面的指纹与封面所载是否一致。",
        "signing_time": "签名时间（签名人电脑时钟）：{t}",
        "no_timestamp": "无可信时间戳（待加时间戳）：签名时间仅来自签名人电脑时钟。",
        "timestamp": "{kind}：{t}，{state}",
        "signature_timestamp": "签名时间戳",
        "document_timestamp": "文档时间戳",
        "ts_trusted": "✓ 时间戳完好，时间戳机构可信",
        "ts_untrusted": "✗ 时间戳机构不受您提供的根证书信任",
        "ts_unchecked": "时间戳完好，时间戳机构未核验（可用 --tsa-root 指定根证书）",
        "ts_broken": "✗ 时间戳已损坏",
        "attachments": "附件（原始文件）{n} 个：",
        AttachmentState.MATCHES: "✓ {name}：SHA-256 与清单一致",
        AttachmentState.CHANGED: "✗ {name}：SHA-256 与清单不符（附件被替换或改动）",
        AttachmentState.MISSING: "✗ {name}：清单中列出，但文件中没有此附件",
        AttachmentState.UNLISTED: "✗ {name}：清单中没有此附件（导出后被加入）",
        InputProblem.NOT_PDF: "无法核验：这不是 PDF 文件。",
        InputProblem.UNREADABLE: "无法核验：文件已损坏，无法作为 PDF 读取。",
        InputProblem.PASSWORD_NEEDED: "无法核验：文件有打开密码，请提供密码。",
        InputProblem.WRONG_PASSWORD: "无法核验：密码不正确。",
    },
    "en": {
        "title": "Dossier check",
        "ok": "Result: the check passed; the file is unchanged since it was signed.",
        "failed": "Result: the check failed; see the items marked ✗.",
        "pages": "Pages: {n}",
        "damaged": "✗ The file's structure is broken and its signature cannot be checked: it was changed after export.",
        "unsigned": "✗ The file carries no Evidence Vault signature (not an exported original, or it was removed).",
        "intact": "✓ The signature is intact and covers the whole file.",
        "not_intact": "✗ The signature does not match the file: it was changed after signing.",
        "not_whole": "✗ Something other than a timestamp was appended after the signature.",
        "signer": "Signer: {name}",
        "fingerprint": "Signing certificate fingerprint (SHA-256): {fp}",
        "fingerprint_mismatch": "✗ The signing certificate is not the one the cover and the manifest name.",
        "no_manifest": "✗ The file holds no integrity manifest data, so attachments cannot be checked one by one.",
        "cert_trusted": "✓ The signing certificate is the one you were given.",
        "cert_untrusted": "✗ The signing certificate is not the one you were given.",
        "cert_unchecked": "The signing certificate was not compared with one from the sender (use --cert); "
                          "compare the fingerprint above with the cover.",
        "signing_time": "Signing time (the signer's computer clock): {t}",
        "no_timestamp": "No trusted timestamp (pending): the signing time comes from the signer's clock only.",
        "timestamp": "{kind}: {t}, {state}",
        "signature_timestamp": "Signature timestamp",
        "document_timestamp": "Document timestamp",
        "ts_trusted": "✓ intact, from a trusted TSA",
        "ts_untrusted": "✗ its TSA is not trusted by the root you gave",
        "ts_unchecked": "intact, TSA not checked (give its root with --tsa-root)",
        "ts_broken": "✗ the timestamp is damaged",
        "attachments": "Attachments (originals): {n}",
        AttachmentState.MATCHES: "✓ {name}: SHA-256 matches the manifest",
        AttachmentState.CHANGED: "✗ {name}: SHA-256 differs from the manifest (replaced or changed)",
        AttachmentState.MISSING: "✗ {name}: listed in the manifest but not attached",
        AttachmentState.UNLISTED: "✗ {name}: not in the manifest (added after export)",
        InputProblem.NOT_PDF: "Cannot check: this is not a PDF file.",
        InputProblem.UNREADABLE: "Cannot check: the file is damaged and cannot be read as a PDF.",
        InputProblem.PASSWORD_NEEDED: "Cannot check: the file has an open password; give it.",
        InputProblem.WRONG_PASSWORD: "Cannot check: the password is wrong.",
    },
}


def _time(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else "—"


def input_problem_text(problem: InputProblem, lang: str = "zh") -> str:
    return _TEXTS[lang][problem]


def report_lines(check: DossierCheck, lang: str = "zh") -> list[str]:
    """The report a recipient reads, one line each, the verdict first."""
    t = _TEXTS[lang]
    lines = [t["title"], t["ok"] if check.ok else t["failed"], t["pages"].format(n=check.pages)]
    if check.damaged:
        lines.append(t["damaged"])
    elif not check.signed:
        lines.append(t["unsigned"])
    else:
        lines.append(t["intact"] if check.intact and check.covers_whole_file else
                     t["not_intact"] if not check.intact else t["not_whole"])
        lines += [t["signer"].format(name=check.signer_name), t["fingerprint"].format(fp=check.signer_fingerprint)]
        if check.manifest_found and not check.fingerprint_matches_manifest:
            lines.append(t["fingerprint_mismatch"])
        lines.append({True: t["cert_trusted"], False: t["cert_untrusted"], None: t["cert_unchecked"]}
                     [check.signer_trusted])
        lines.append(t["signing_time"].format(t=_time(check.signing_time)))
        if not check.timestamps:
            lines.append(t["no_timestamp"])
        for stamp in check.timestamps:
            state = t["ts_broken"] if not stamp.intact else {
                True: t["ts_trusted"], False: t["ts_untrusted"], None: t["ts_unchecked"]}[stamp.trusted]
            kind = t["document_timestamp"] if stamp.on_document else t["signature_timestamp"]
            lines.append(t["timestamp"].format(kind=kind, t=_time(stamp.time), state=state))
    if not check.manifest_found:
        lines.append(t["no_manifest"])
    else:
        lines.append(t["attachments"].format(n=len(check.attachments)))
        lines += ["  " + t[a.state].format(name=a.name) for a in check.attachments]
    return lines


def report_data(check: DossierCheck) -> dict[str, Any]:
    """The same report as data, for `check-dossier --json`."""
    return {
        "ok": check.ok, "pages": check.pages, "encrypted": check.encrypted, "damaged": check.damaged,
        "signed": check.signed,
        "intact": check.intact, "covers_whole_file": check.covers_whole_file, "signer": check.signer_name,
        "signer_fingerprint": check.signer_fingerprint, "manifest_fingerprint": check.manifest_fingerprint,
        "signer_trusted": check.signer_trusted, "signing_time": _time(check.signing_time) if check.signing_time
        else None,
        "timestamps": [{"time": _time(s.time), "on_document": s.on_document, "intact": s.intact,
                        "trusted": s.trusted} for s in check.timestamps],
        "manifest_found": check.manifest_found,
        "attachments": [{"name": a.name, "state": a.state.value, "expected_sha256": a.expected_sha256,
                         "actual_sha256": a.actual_sha256} for a in check.attachments],
    }
