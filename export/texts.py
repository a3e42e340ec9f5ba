"""Every fixed text printed in the dossier, in Chinese and English (one table, one place)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from export.errors import ExportError
from ocr.types import AmountRole, FieldType


@dataclass(frozen=True)
class Labels:
    lang: str
    dossier: str
    case_title: str
    case_number: str
    complainant: str
    respondent: str
    name: str
    phone: str
    address: str
    channel: str
    claim: str
    facts: str
    generated_at: str
    exhibit_count: str
    audit_head: str
    redacted_notice: str
    cover: str
    index: str
    col_number: str
    col_name: str
    col_source: str
    col_formed: str
    col_key_info: str
    col_purpose: str
    col_original: str
    col_page: str
    exhibit: str
    electronic_original: str
    printout: str
    signature: str
    signature_date: str
    timeline: str
    col_when: str
    col_event: str
    col_exhibit: str
    exhibits: str
    original_name: str
    captured_at: str
    imported_at: str
    formed_at: str
    key_fields: str
    continued: str
    appendix_ocr: str
    no_ocr_text: str
    rows_need_no_ocr: str
    """In the OCR appendix, for a file whose rows the exhibit prints (it is never OCR'd)."""
    bill_columns: tuple[str, ...]
    chat_columns: tuple[str, ...]
    invoice_columns: tuple[str, ...]
    records_shown: str
    """'{shown}' of '{total}' rows printed; the whole file is attached."""
    records_picked: str
    """Above the rows of a selection: '{shown}' rows picked of the file's '{total}'."""
    picked_from: str
    """Below them: the file ('{name}') and its '{sha256}' the rows were taken from."""
    excerpt: str
    """Appended to the item's title for a selection without a title of its own."""
    picked_rows: str
    """The index's key information of a selection: '{rows}' (runs of row numbers) and '{count}'."""
    row_separator: str
    row_no: str
    me: str
    """Marks the person's own messages in a chat transcript."""
    original_file: str
    original_here: str
    original_elsewhere: str
    """Where a selection's original is attached: with this exhibit, or with '{exhibit}' ('{name}')."""
    attached_with: str
    """The manifest's attachment cell of an exhibit whose original is attached with '{exhibit}'."""
    record_paid: str
    record_refund: str
    record_received: str
    record_other: str
    """Timeline wording of a picked bill row: '{amount}' to or from '{counterparty}'."""
    record_neutral: str
    """Said of a row the export counts as neither income nor expense (不计收支: transfers, repayments)."""
    record_refunded: str
    record_transaction_no: str
    record_order_no: str
    record_message: str
    """Timeline wording of a picked chat message: '{sender}' and '{text}'."""
    manifest: str
    col_file: str
    col_size: str
    col_attached: str
    attached: str
    not_attached: str
    not_attached_redacted: str
    manifest_how_to: tuple[str, ...]
    manifest_without_originals: str
    page_footer: str
    none: str
    colon: str
    field_types: Mapping[str, str]
    amount_roles: Mapping[str, str]
    times_note: str
    audit_head_explained: str
    signer_fingerprint: str
    list_separator: str
    events: Mapping[str, str]
    event_note: str
    event_agent: str
    event_agent_id: str
    event_promise: str
    parenthesis: str

    def amount_role(self, role: str) -> str:
        """The label of an amount with this role; the plain amount label without one."""
        return self.amount_roles.get(role) or self.field_type(FieldType.AMOUNT)

    def in_parentheses(self, text: str) -> str:
        return self.parenthesis.format(text=text) if text else ""

    def pair(self, label: str, value: str) -> str:
        """'label：value' with the colon of the language."""
        return f"{label}{self.colon}{value}"

    def exhibit_no(self, number: int) -> str:
        return self.exhibit.format(n=number)

    def field_type(self, field_type: str) -> str:
        return self.field_types.get(field_type, field_type)


ZH = Labels(
    lang="zh",
    dossier="证据材料",
    case_title="案件名称",
    case_number="案号",
    complainant="投诉人（申请人）",
    respondent="被投诉人（被申请人）",
    name="名称",
    phone="联系电话",
    address="地址",
    channel="投诉渠道",
    claim="诉求",
    facts="事实与理由",
    generated_at="生成时间",
    exhibit_count="证据数量",
    audit_head="审计日志头哈希",
    redacted_notice="本版本已对身份证号、银行卡号、手机号等个人信息脱敏，且未附原始文件。",
    cover="封面",
    index="证据目录",
    col_number="序号",
    col_name="证据名称",
    col_source="证据来源",
    col_formed="形成时间",
    col_key_info="关键信息",
    col_purpose="证明目的",
    col_original="原件/复印件",
    col_page="页码",
    exhibit="证据{n}",
    electronic_original="电子原件",
    printout="打印件",
    signature="提交人签名：",
    signature_date="日期：",
    timeline="事件时间线",
    col_when="时间",
    col_event="事件",
    col_exhibit="对应证据",
    exhibits="证据",
    original_name="原始文件名",
    captured_at="截屏/拍摄时间",
    imported_at="导入时间",
    formed_at="形成时间",
    key_fields="提取的关键信息",
    continued="（续）",
    appendix_ocr="附录一：文字识别（OCR）结果",
    no_ocr_text="（无识别文字）",
    rows_need_no_ocr="（平台导出的电子文件，无需文字识别：其记录见该证据正文。）",
    bill_columns=("行号", "时间", "交易对方", "说明", "收/支", "金额（元）", "状态", "交易单号 / 商户单号"),
    chat_columns=("行号", "时间", "发送者", "内容"),
    invoice_columns=("行号", "项目名称", "销售方", "金额（元）", "规格型号 / 数量 / 单价 / 税率 / 税额"),
    records_shown="共 {total} 条记录，此处列出前 {shown} 条（行号为原文件中的行）；完整原始文件见附件。",
    records_picked="从原始文件共 {total} 条记录中选取以下 {shown} 条（行号为原文件中的行）。",
    picked_from="以上 {shown} 条摘自原始文件“{name}”，SHA-256：{sha256}。",
    excerpt="（节选）",
    picked_rows="第 {rows} 行，共 {count} 条",
    row_separator="、",
    row_no="第 {row} 行",
    me="（本人）",
    original_file="原始文件",
    original_here="完整原始文件附于本证据（附件 {name}）",
    original_elsewhere="完整原始文件附于{exhibit}（附件 {name}）",
    attached_with="与{exhibit}为同一文件，随{exhibit}附上",
    record_paid="支付 {amount} 给 {counterparty}",
    record_refund="收到 {counterparty} 退款 {amount}",
    record_received="收到 {counterparty} {amount}",
    record_neutral="不计收支",
    record_other="{counterparty} {amount}",
    record_refunded="已退款 {amount}",
    record_transaction_no="交易单号 {number}",
    record_order_no="商户单号 {number}",
    record_message="{sender}：{text}",
    manifest="附录二：完整性清单",
    col_file="文件名",
    col_size="大小（字节）",
    col_attached="附件",
    attached="已附",
    not_attached="未附",
    not_attached_redacted="未附（脱敏版）",
    manifest_how_to=(
        "本 PDF 内嵌了每份证据的原始文件（见上表“附件”列），任何人都可以自行核验：",
        "1. 取出原件：在 PDF 阅读器的“附件”面板中另存；或运行 "
        "qpdf --show-attachment=附件名 本文件.pdf > 附件名；或运行 pdfdetach -saveall 本文件.pdf。",
        "2. 计算 SHA-256：Linux/macOS 运行 sha256sum 附件名；Windows 运行 certutil -hashfile 附件名 SHA256。",
        "3. 与上表逐一比对：一致即说明原件自存入证据保险箱后未被改动。审计日志头哈希可与证据保险箱中的审计日志核对。",
    ),
    manifest_without_originals="本版本未附原始文件。持有原件者可按以下步骤核验：",
    page_footer="第 {page} 页 / 共 {total} 页",
    none="—",
    colon="：",
    field_types={
        FieldType.ORDER_NO: "订单号",
        FieldType.LOGISTICS_NO: "物流单号",
        FieldType.TRANSACTION_NO: "交易号",
        FieldType.TICKET_NO: "工单号",
        FieldType.TIMESTAMP: "时间",
        FieldType.AMOUNT: "金额",
        FieldType.PHONE: "电话",
        FieldType.AGENT: "客服",
        FieldType.AGENT_ID: "客服工号",
        FieldType.PLATFORM: "平台",
        FieldType.ID_CARD: "身份证号",
        FieldType.BANK_CARD: "银行卡号",
        FieldType.INVOICE_CODE: "发票代码",
        FieldType.INVOICE_NO: "发票号码",
        FieldType.CHECK_CODE: "校验码",
        FieldType.MACHINE_NO: "机器编号",
        FieldType.TAX_ID: "纳税人识别号",
        FieldType.BANK_ACCOUNT: "开户行及账号",
        FieldType.PROMISE: "客服承诺",
    },
    amount_roles={
        AmountRole.PAID: "实付款",
        AmountRole.ORDER_TOTAL: "订单金额",
        AmountRole.DISCOUNT: "优惠",
        AmountRole.SHIPPING: "运费",
        AmountRole.REFUND: "退款",
        AmountRole.DUE: "本期应还",
        AmountRole.REPAYMENT: "还款",
        AmountRole.LOAN: "借款",
        AmountRole.CREDIT_LIMIT: "额度",
        AmountRole.TRANSACTION: "交易金额",
        AmountRole.TAX: "税额",
        AmountRole.TOTAL_WITH_TAX: "价税合计",
        AmountRole.NET: "金额（不含税）",
        AmountRole.UNIT_PRICE: "单价",
    },
    times_note="时间均为北京时间。",
    audit_head_explained=(
        "审计日志头哈希是证据保险箱中最后一条操作记录的 SHA-256 值；每条记录都包含前一条的哈希，"
        "日后任何增删或改动都会使其不再一致。"
    ),
    signer_fingerprint="签名密钥指纹",
    list_separator="，",
    events={
        "order": "下单",
        "payment": "支付或账单",
        "bill": "账单明细",
        "invoice": "开具发票",
        "chat": "与客服沟通",
        "complaint": "投诉受理",
        "other": "",
    },
    event_note="备注：{note}",
    event_agent="客服{agent}",
    event_agent_id="工号{id}",
    event_promise="{agent}承诺{promise}",
    parenthesis="（{text}）",
)

EN = Labels(
    lang="en",
    dossier="Evidence Dossier",
    case_title="Case",
    case_number="Case number",
    complainant="Complainant",
    respondent="Respondent",
    name="Name",
    phone="Phone",
    address="Address",
    channel="Complaint channel",
    claim="Claim",
    facts="Statement of facts",
    generated_at="Generated at",
    exhibit_count="Number of exhibits",
    audit_head="Audit log head hash",
    redacted_notice=(
        "This copy masks ID card, bank card and mobile numbers; original files are not attached."
    ),
    cover="Cover",
    index="Evidence Index",
    col_number="No.",
    col_name="Exhibit",
    col_source="Source",
    col_formed="Formed at",
    col_key_info="Key information",
    col_purpose="Purpose of proof",
    col_original="Original / copy",
    col_page="Page",
    exhibit="Exhibit\u00a0{n}",
    electronic_original="Electronic original",
    printout="Printout",
    signature="Signature of submitter:",
    signature_date="Date:",
    timeline="Timeline",
    col_when="Time",
    col_event="Event",
    col_exhibit="Exhibit",
    exhibits="Exhibits",
    original_name="Original file name",
    captured_at="Captured at",
    imported_at="Imported at",
    formed_at="Formed at",
    key_fields="Extracted key information",
    continued="(continued)",
    appendix_ocr="Appendix A: Recognised text (OCR)",
    no_ocr_text="(no recognised text)",
    rows_need_no_ocr="(An electronic export file, not read by OCR: its records are printed in the exhibit.)",
    bill_columns=("Row", "Time", "Counterparty", "Description", "In/out", "Amount (CNY)", "Status",
                  "Transaction no. / merchant order no."),
    chat_columns=("Row", "Time", "Sender", "Message"),
    invoice_columns=("Line", "Item", "Seller", "Amount (CNY)", "Specification / quantity / unit price / tax rate / tax"),
    records_shown="{total} records; the first {shown} are listed (row numbers are the source file's lines). The whole "
                  "original file is attached.",
    records_picked="{shown} of the original file's {total} records, picked (row numbers are the source file's lines).",
    picked_from="The {shown} rows above are taken from the original file \u201c{name}\u201d, SHA-256 {sha256}.",
    excerpt=" (excerpt)",
    picked_rows="rows {rows} ({count} in all)",
    row_separator=", ",
    row_no="Row {row}",
    me=" (me)",
    original_file="Original file",
    original_here="The whole original file is attached to this exhibit ({name})",
    original_elsewhere="The whole original file is attached to {exhibit} ({name})",
    attached_with="same file as {exhibit}, attached there",
    record_paid="Paid {amount} to {counterparty}",
    record_refund="Refund of {amount} from {counterparty}",
    record_received="Received {amount} from {counterparty}",
    record_neutral="neither income nor expense",
    record_other="{counterparty} {amount}",
    record_refunded="refunded {amount}",
    record_transaction_no="transaction no. {number}",
    record_order_no="merchant order no. {number}",
    record_message="{sender}: {text}",
    manifest="Appendix B: Integrity manifest",
    col_file="File name",
    col_size="Size (bytes)",
    col_attached="Attachment",
    attached="attached",
    not_attached="not attached",
    not_attached_redacted="not attached (redacted copy)",
    manifest_how_to=(
        "This PDF embeds the original file of every exhibit (see the Attachment column); anyone can check them:",
        "1. Extract the originals: save them from the attachments panel of a PDF reader, or run "
        "qpdf --show-attachment=NAME this.pdf > NAME, or pdfdetach -saveall this.pdf.",
        "2. Compute SHA-256: sha256sum NAME on Linux/macOS, certutil -hashfile NAME SHA256 on Windows.",
        "3. Compare with the table above: equal hashes show the original is unchanged since it entered the "
        "vault. The audit log head hash can be checked against the audit log kept in the vault.",
    ),
    manifest_without_originals="This copy does not embed the originals. Whoever holds them can check them:",
    page_footer="Page {page} of {total}",
    none="—",
    colon=": ",
    field_types={
        FieldType.ORDER_NO: "Order no.",
        FieldType.LOGISTICS_NO: "Tracking no.",
        FieldType.TRANSACTION_NO: "Transaction no.",
        FieldType.TICKET_NO: "Ticket no.",
        FieldType.TIMESTAMP: "Time",
        FieldType.AMOUNT: "Amount",
        FieldType.PHONE: "Phone",
        FieldType.AGENT: "Agent",
        FieldType.AGENT_ID: "Agent ID",
        FieldType.PLATFORM: "Platform",
        FieldType.ID_CARD: "ID card no.",
        FieldType.BANK_CARD: "Bank card no.",
        FieldType.INVOICE_CODE: "Invoice code",
        FieldType.INVOICE_NO: "Invoice no.",
        FieldType.CHECK_CODE: "Check code",
        FieldType.MACHINE_NO: "Machine no.",
        FieldType.TAX_ID: "Taxpayer ID",
        FieldType.BANK_ACCOUNT: "Bank account",
        FieldType.PROMISE: "Agent's promise",
    },
    amount_roles={
        AmountRole.PAID: "Paid",
        AmountRole.ORDER_TOTAL: "Order total",
        AmountRole.DISCOUNT: "Discount",
        AmountRole.SHIPPING: "Shipping",
        AmountRole.REFUND: "Refund",
        AmountRole.DUE: "Due this period",
        AmountRole.REPAYMENT: "Repayment",
        AmountRole.LOAN: "Loan",
        AmountRole.CREDIT_LIMIT: "Credit limit",
        AmountRole.TRANSACTION: "Transaction amount",
        AmountRole.TAX: "Tax",
        AmountRole.TOTAL_WITH_TAX: "Total with tax",
        AmountRole.NET: "Amount before tax",
        AmountRole.UNIT_PRICE: "Unit price",
    },
    times_note="All times are Beijing time (China Standard Time, UTC+8).",
    audit_head_explained=(
        "The audit log head hash is the SHA-256 of the last entry in the vault's log of changes; every entry "
        "includes the hash of the one before, so any later addition, removal or change no longer matches it."
    ),
    signer_fingerprint="Signing key fingerprint",
    list_separator=", ",
    events={
        "order": "Order placed",
        "payment": "Payment or bill",
        "bill": "Bill statement",
        "invoice": "Invoice issued",
        "chat": "Talked to customer service",
        "complaint": "Complaint accepted",
        "other": "",
    },
    event_note="note: {note}",
    event_agent="Agent {agent}",
    event_agent_id="ID {id}",
    event_promise="{agent} promised: {promise}",
    parenthesis=" ({text})",
)

_BY_LANG = {"zh": ZH, "en": EN}


def labels_for(lang: str) -> Labels:
    """The label table for `lang` ("zh" or "en")."""
    try:
        return _BY_LANG[lang]
    except KeyError:
        raise ExportError(f"unsupported dossier language {lang!r}; expected one of {sorted(_BY_LANG)}") from None
