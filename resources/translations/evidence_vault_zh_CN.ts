<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../app/vaultdialogs.py" line="144"/>
        <source>History of %1</source>
        <translation>%1 的历史记录</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="147"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="147"/>
        <source>Time (Beijing)</source>
        <translation>时间（北京时间）</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="147"/>
        <source>What was done</source>
        <translation>操作内容</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="165"/>
        <source>Every change is chained in the audit log; “Verify vault” checks that none was altered.</source>
        <translation>每项改动都链式记录在审计日志中；“校验保险箱”可检查是否有记录被篡改。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../app/vaultdialogs.py" line="103"/>
        <location filename="../../app/vaultdialogs.py" line="127"/>
        <source>Back up vault</source>
        <translation>备份保险箱</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="108"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="114"/>
        <source>The backup is a complete encrypted copy of the vault. Type the vault&apos;s passphrase again: it opens the backup and is not stored anywhere.</source>
        <translation>备份是保险箱的完整加密副本。请再次输入保险箱密码：它用于打开备份，不会被保存在任何地方。</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="118"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="119"/>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="120"/>
        <source>Repeat</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="128"/>
        <source>Vault backups (*.evault)</source>
        <translation>保险箱备份 (*.evault)</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../app/dialogs.py" line="34"/>
        <source>Case details</source>
        <translation>案件详情</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="34"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="36"/>
        <source>Case title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="37"/>
        <source>Case number</source>
        <translation>案号/投诉单号</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="38"/>
        <source>Respondent (the company)</source>
        <translation>被投诉方（公司）</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="39"/>
        <source>Respondent address</source>
        <translation>被投诉方地址</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="40"/>
        <source>Where you complain (e.g. 12315, 黑猫投诉)</source>
        <translation>投诉渠道（如 12315、黑猫投诉）</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="41"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="42"/>
        <source>Your phone</source>
        <translation>您的电话</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="43"/>
        <source>Your address</source>
        <translation>您的地址</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="44"/>
        <source>What you ask for</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="45"/>
        <source>What happened</source>
        <translation>事实经过</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="46"/>
        <source>Private notes</source>
        <translation>私人备注</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../app/vaultdialogs.py" line="83"/>
        <source>Change passphrase</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="86"/>
        <source>The vault is re-encrypted under the new passphrase. There is no way to recover it: write it down and keep it safe. Backups made earlier still open with the old one.</source>
        <translation>保险箱将用新密码重新加密。新密码无法找回：请记下并妥善保管。之前做的备份仍用旧密码打开。</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="90"/>
        <source>New passphrase</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="91"/>
        <source>Repeat</source>
        <translation>再输一次</translation>
    </message>
</context>
<context>
    <name>CheckDossierDialog</name>
    <message>
        <location filename="../../app/checkdialog.py" line="33"/>
        <source>Check a dossier</source>
        <translation>核验证据材料</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="37"/>
        <location filename="../../app/checkdialog.py" line="38"/>
        <source>Optional (PEM)</source>
        <translation>可选（PEM 格式）</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="40"/>
        <source>Dossier</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="41"/>
        <source>Sender&apos;s certificate</source>
        <translation>发送方证书</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="42"/>
        <source>TSA root certificate</source>
        <translation>时间戳服务根证书</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="46"/>
        <source>Check</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="59"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="76"/>
        <location filename="../../app/checkdialog.py" line="101"/>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <location filename="../../app/checkdialog.py" line="79"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../app/confirm.py" line="17"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../app/unlock.py" line="77"/>
        <source>Create your evidence vault</source>
        <translation>创建您的证据保险箱</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="80"/>
        <source>Everything you add is kept in one encrypted file on this computer. Nothing is uploaded.</source>
        <translation>您添加的所有证据都保存在本机的一个加密文件中，不会上传到任何地方。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="84"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="94"/>
        <source>Write the passphrase down and keep it safe. If you lose it, nobody can open the vault or recover the evidence in it — not even the makers of this program.</source>
        <translation>请把密码抄写下来并妥善保管。密码一旦丢失，任何人都无法打开保险箱或找回其中的证据——本程序的开发者也不能。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="101"/>
        <source>Create vault</source>
        <translation>创建保险箱</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="107"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="108"/>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="109"/>
        <source>Repeat passphrase</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="122"/>
        <source>Vault file</source>
        <translation>保险箱文件</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="122"/>
        <source>Evidence vault (*.evault)</source>
        <translation>证据保险箱 (*.evault)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/unlock.py" line="129"/>
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>太短：至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="130"/>
        <source>Weak: longer, with digits and symbols, is better.</source>
        <translation>弱：更长并包含数字和符号会更安全。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="131"/>
        <source>Fair.</source>
        <translation>中等。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="132"/>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="140"/>
        <source>The passphrase is too short.</source>
        <translation>密码太短。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="142"/>
        <source>The two passphrases differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="144"/>
        <source>A file already exists there. Choose another location.</source>
        <translation>该位置已有文件，请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="161"/>
        <source>The vault could not be created: %1</source>
        <translation>无法创建保险箱：%1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../app/detail.py" line="150"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="151"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="152"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="189"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="190"/>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="193"/>
        <source>Remove my field</source>
        <translation>删除我添加的字段</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="195"/>
        <source>Mark as wrong</source>
        <translation>标记为识别错误</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="197"/>
        <source>The value read by OCR is wrong: it stays in the vault&apos;s history but no longer counts as a fact</source>
        <translation>OCR 识别的值有误：它仍保留在保险箱的历史记录中，但不再作为事实使用</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="215"/>
        <source>What this exhibit proves (证明目的)</source>
        <translation>这份证据证明什么（证明目的）</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="218"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="221"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="222"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="223"/>
        <location filename="../../app/detail.py" line="367"/>
        <source>Formed at</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="224"/>
        <source>Purpose</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="225"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="231"/>
        <source>Extracted fields (double-click a value to correct it)</source>
        <translation>识别出的字段（双击数值可更正）</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="271"/>
        <source>Select an exhibit to see it here.</source>
        <translation>选择一份证据后在此查看。</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="303"/>
        <source>loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="324"/>
        <source>pages 1–%1 of %2 shown</source>
        <translation>显示第 1–%1 页，共 %2 页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/detail.py" line="327"/>
        <source>%n pages</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="367"/>
        <source>Type the date as YYYY-MM-DD or YYYY-MM-DD HH:MM.</source>
        <translation>请按 YYYY-MM-DD 或 YYYY-MM-DD HH:MM 格式输入日期。</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="435"/>
        <source>Remove field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <location filename="../../app/detail.py" line="436"/>
        <source>Fields read by OCR are kept as evidence. Correct the value, or mark it as wrong.</source>
        <translation>OCR 识别的字段作为证据保留。请更正该值，或将其标记为识别错误。</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../app/qtmodels.py" line="173"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="174"/>
        <source>Formed at</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="175"/>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="176"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="177"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="178"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/exportdialog.py" line="63"/>
        <location filename="../../app/exportdialog.py" line="347"/>
        <source>Export dossier</source>
        <translation>导出证据材料</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="90"/>
        <location filename="../../app/exportdialog.py" line="91"/>
        <location filename="../../app/exportdialog.py" line="206"/>
        <source>Default: by kind</source>
        <translation>默认：按类型</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="95"/>
        <source>Exhibit name</source>
        <translation>证据名称</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="96"/>
        <source>Purpose (证明目的)</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="97"/>
        <source>Exhibits: tick to include, drag to reorder</source>
        <translation>证据：勾选要导出的证据，拖动调整顺序</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="103"/>
        <source>Cover details…</source>
        <translation>封面信息…</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="111"/>
        <source>Hide phone, ID and card numbers (redacted copy)</source>
        <translation>隐藏手机号、身份证号和银行卡号（脱敏版）</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="112"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="113"/>
        <source>Attach the original files inside the PDF</source>
        <translation>在 PDF 中附带原始文件</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="115"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="116"/>
        <source>1 MB = 1,000,000 bytes, as upload forms count</source>
        <translation>1 MB = 1,000,000 字节，与各上传表单的算法一致</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="120"/>
        <source>Optional: an RFC 3161 timestamp server</source>
        <translation>可选：RFC 3161 时间戳服务地址</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="122"/>
        <source>Optional: its CA certificate (PEM)</source>
        <translation>可选：其 CA 证书（PEM 格式）</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="123"/>
        <source>Add a timestamp to an earlier dossier…</source>
        <translation>为已导出的证据材料补加时间戳…</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="125"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="130"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="132"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="134"/>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="136"/>
        <source>Size limit</source>
        <translation>大小上限</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="138"/>
        <source>One file</source>
        <translation>一个文件</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="139"/>
        <source>Parts within the size limit (numbered on)</source>
        <translation>按大小上限分册（编号连续）</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="140"/>
        <source>One file per exhibit</source>
        <translation>每份证据单独一个文件</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="142"/>
        <source>Upload forms such as 12315 take single files of a few MB</source>
        <translation>12315 等上传表单只接受几 MB 的单个文件</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="143"/>
        <source>Files</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="144"/>
        <source>Timestamp server (TSA)</source>
        <translation>时间戳服务（TSA）</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="145"/>
        <source>TSA root certificate</source>
        <translation>时间戳服务根证书</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="147"/>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="148"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="157"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="185"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/exportdialog.py" line="186"/>
        <source>%n exhibit(s), one per set of picked rows: %1</source>
        <translation>
            <numerusform>→ %n 份证据，每组选取的行一份：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="206"/>
        <source>Name of picked sets without a title of their own</source>
        <translation>用于未命名的选取行组的名称</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="219"/>
        <source>Complainant: %1</source>
        <translation>投诉人：%1</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="220"/>
        <source>Respondent: %1</source>
        <translation>被投诉方：%1</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="225"/>
        <source>Cover details (this export only)</source>
        <translation>封面信息（仅用于本次导出）</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="239"/>
        <source>Save dossier</source>
        <translation>保存证据材料</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="265"/>
        <source>the timestamp server must be an http:// or https:// address</source>
        <translation>时间戳服务地址须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="282"/>
        <source>Tick at least one exhibit.</source>
        <translation>请至少勾选一份证据。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="291"/>
        <source>Cannot use the timestamp settings: %1</source>
        <translation>无法使用时间戳设置：%1</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="295"/>
        <source>Set a size limit for the parts.</source>
        <translation>请为分册设置大小上限。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="308"/>
        <source>Building the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="341"/>
        <source>The dossier was saved as %1 (%2 pages). The export is recorded in the vault&apos;s log.</source>
        <translation>证据材料已保存为 %1（共 %2 页）。本次导出已记入保险箱日志。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/exportdialog.py" line="344"/>
        <source>The dossier was saved as %n files in %1: %2. Each export is recorded in the vault&apos;s log.</source>
        <translation>
            <numerusform>证据材料已保存为 %1 中的 %n 个文件：%2。每次导出都已记入保险箱的审计日志。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="352"/>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="353"/>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="365"/>
        <source>The timestamp server did not give a timestamp (%1): the dossier is signed, and &apos;evidence-vault timestamp&apos; adds the timestamp later.</source>
        <translation>时间戳服务未返回时间戳（%1）：证据材料已签名，之后可用 “evidence-vault timestamp” 补加时间戳。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="378"/>
        <source>The attached originals alone take %1 MB, more than the size limit. Untick “Attach the original files inside the PDF” or raise the limit.</source>
        <translation>附带的原始文件本身就有 %1 MB，超过了大小上限。请取消勾选“在 PDF 中附带原始文件”，或提高上限。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="382"/>
        <source>Even at the lowest legible image quality the dossier needs %1 MB, more than the size limit. Raise the limit or choose fewer exhibits.</source>
        <translation>即使用仍可辨认的最低图像质量，证据材料也需要 %1 MB，超过了大小上限。请提高上限或减少证据。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="385"/>
        <source>An original no longer matches the SHA-256 recorded when it was imported, so it was not exported. Run “Verify vault” to see which.</source>
        <translation>有原始文件与导入时记录的 SHA-256 不符，因此未导出。请运行“校验保险箱”查看是哪一份。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="388"/>
        <source>An exhibit&apos;s original could not be read as an image or PDF.</source>
        <translation>有一份证据的原始文件无法作为图片或 PDF 读取。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="390"/>
        <source>The dossier could not be written to %1. Check that the folder exists, that you may write to it and that the disk has free space.</source>
        <translation>无法将证据材料写入 %1。请确认文件夹存在、有写入权限且磁盘空间充足。</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="392"/>
        <source>The dossier could not be built: %1</source>
        <translation>无法生成证据材料：%1</translation>
    </message>
    <message>
        <location filename="../../app/exportdialog.py" line="399"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <location filename="../../app/qtmodels.py" line="445"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="445"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="445"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="463"/>
        <source>corrected by you</source>
        <translation>您已更正</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="464"/>
        <source>added by you</source>
        <translation>您添加的</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="465"/>
        <source>read by OCR</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="465"/>
        <source>read from the file</source>
        <translation>从文件读取</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../app/history.py" line="32"/>
        <source>Created the vault.</source>
        <translation>创建了保险箱。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="33"/>
        <source>Changed the passphrase.</source>
        <translation>更改了保险箱密码。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="34"/>
        <source>Wrote the encrypted backup %1.</source>
        <translation>写入了加密备份%1。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="35"/>
        <source>The backup %1 failed: %2</source>
        <translation>备份%1失败：%2</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="36"/>
        <source>Restored the vault from the backup %1.</source>
        <translation>从备份%1恢复了保险箱。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="37"/>
        <source>Added the case %1.</source>
        <translation>新建了案件%1。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="38"/>
        <source>Changed the case details (%1).</source>
        <translation>修改了案件信息（%1）。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="39"/>
        <source>Exported the dossier %1 with %2 exhibits.</source>
        <translation>导出了证据材料%1，共 %2 份证据。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="40"/>
        <source> Phone, ID and card numbers were hidden.</source>
        <translation>电话、身份证号和卡号已遮盖。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="41"/>
        <source> The PDF has a password.</source>
        <translation>PDF 设有密码。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="42"/>
        <source>Imported %1 (%2), SHA-256 %3…</source>
        <translation>导入了%1（%2），SHA-256 %3…</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="43"/>
        <source>Read the text with %1: %2 fields found.</source>
        <translation>用 %1 识别了文字：找到 %2 个字段。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="44"/>
        <source>Reading the text with %1 failed: %2</source>
        <translation>用 %1 识别文字失败：%2</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="45"/>
        <source>Changed %1.</source>
        <translation>修改了%1。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="46"/>
        <source>%1 to %2</source>
        <translation>%1为%2</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="47"/>
        <source>Deleted %1.</source>
        <translation>删除了%1。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="48"/>
        <source>Added the %1 %2.</source>
        <translation>添加了%1%2。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="49"/>
        <source>Corrected the %1 to %2.</source>
        <translation>将%1更正为%2。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="50"/>
        <source>Marked the %1 %2 as wrong.</source>
        <translation>将%1%2标记为识别错误。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="51"/>
        <source>Removed your %1 %2.</source>
        <translation>删除了您添加的%1%2。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="52"/>
        <source>Picked rows %1 of the file as %2.</source>
        <translation>将文件中的第 %1 行选为%2。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="53"/>
        <source>Changed the picked rows %2: now rows %1.</source>
        <translation>将所选行%2改为第 %1 行。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="54"/>
        <source>Deleted the picked rows %2 (rows %1).</source>
        <translation>删除了所选行%2（第 %1 行）。</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="55"/>
        <source>%1 Reason: %2</source>
        <translation>%1原因：%2</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="56"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="57"/>
        <source>(cleared)</source>
        <translation>（已清空）</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="58"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="59"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="60"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="61"/>
        <source>Recorded as %1 %2; entry hash %3</source>
        <translation>日志记录：%1 %2；条目哈希 %3</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="62"/>
        <source>title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="63"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="64"/>
        <source>formed at</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="65"/>
        <source>purpose</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <location filename="../../app/history.py" line="66"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../app/importer.py" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="154"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="160"/>
        <source>Reading text</source>
        <translation>正在识别文字</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="160"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="161"/>
        <source>%1 %2 of %3: %4</source>
        <translation>%1 第 %2/%3 个：%4</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="154"/>
        <source>Reading text…</source>
        <translation>正在识别文字…</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="177"/>
        <source>%1 looks like %2 already in this case (the same picture saved again?). It was imported; delete one if it is a copy.</source>
        <translation>%1看起来与本案件中已有的%2相同（同一张图片再次保存？）。已照常导入；如果是重复的，可删除其中一份。</translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="194"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/importer.py" line="220"/>
        <source>…and %n more under Show Details.</source>
        <translation>
            <numerusform>……另有 %n 条，点“显示详情”查看。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="221"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/importer.py" line="231"/>
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/importer.py" line="234"/>
        <source>%n already in this case, skipped:</source>
        <translation>
            <numerusform>%n 个文件已在本案件中，已跳过：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/importer.py" line="237"/>
        <source>Not imported: %1 (%2)</source>
        <translation>未导入：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/importer.py" line="239"/>
        <source>Text could not be read from %n file(s); you can type the fields in.</source>
        <translation>
            <numerusform>有 %n 个文件未能识别出文字，您可以手动填写字段。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/texts.py" line="22"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="23"/>
        <source>Payment / bill</source>
        <translation>支付/账单</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="24"/>
        <source>Bill export (rows)</source>
        <translation>账单导出文件（逐行记录）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="25"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="26"/>
        <source>Customer-service chat</source>
        <translation>客服聊天</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="27"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="28"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="40"/>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="41"/>
        <source>Tracking number</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="42"/>
        <source>Transaction number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="43"/>
        <source>Ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="44"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="45"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="46"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="47"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="48"/>
        <source>Agent ID</source>
        <translation>客服工号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="49"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="50"/>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="51"/>
        <source>Bank card number</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="52"/>
        <source>Invoice code</source>
        <translation>发票代码</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="53"/>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="54"/>
        <source>Invoice check code</source>
        <translation>发票校验码</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="55"/>
        <source>Machine number</source>
        <translation>机器编号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="56"/>
        <source>Taxpayer ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="57"/>
        <source>Bank account</source>
        <translation>开户行及账号</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="58"/>
        <source>Agent&apos;s promise</source>
        <translation>客服承诺</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="66"/>
        <source>Paid</source>
        <translation>实付款</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="67"/>
        <source>Order total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="68"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="69"/>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="70"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="71"/>
        <source>Due this period</source>
        <translation>本期应还</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="72"/>
        <source>Repayment</source>
        <translation>还款</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="73"/>
        <source>Loan</source>
        <translation>借款</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="74"/>
        <source>Credit limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="75"/>
        <source>Transaction amount</source>
        <translation>交易金额</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="76"/>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="77"/>
        <source>Total with tax</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="78"/>
        <source>Amount before tax</source>
        <translation>金额（不含税）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="79"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="103"/>
        <source>the file is empty (0 bytes)</source>
        <translation>文件是空的（0 字节）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="104"/>
        <source>larger than the limit of %1 MiB</source>
        <translation>文件超过 %1 MiB 的上限</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="106"/>
        <source>the image is larger than the limit of %1 megapixels</source>
        <translation>图片超过 %1 百万像素的上限</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="108"/>
        <source>the image format is not recognised</source>
        <translation>无法识别的图片格式</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="109"/>
        <source>the image is damaged or cut short</source>
        <translation>图片已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="110"/>
        <source>the PDF is damaged and cannot be read</source>
        <translation>PDF 已损坏，无法读取</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="111"/>
        <source>the PDF has no pages</source>
        <translation>PDF 没有页面</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="112"/>
        <source>the PDF has more than %1 pages</source>
        <translation>PDF 超过 %1 页</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="114"/>
        <source>the PDF&apos;s pages together are larger than %1 A4 pages</source>
        <translation>PDF 各页合计超过 %1 页 A4 纸的大小</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="116"/>
        <source>too long and narrow: one side is more than %1 times the other</source>
        <translation>过于细长：一边超过另一边的 %1 倍</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="119"/>
        <source>not a supported format (PNG, JPEG, WebP, HEIC, GIF, BMP, TIFF, PDF)</source>
        <translation>不支持的格式（支持 PNG、JPEG、WebP、HEIC、GIF、BMP、TIFF、PDF）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="121"/>
        <source>a text file, not an image or PDF (is the file name extension wrong?)</source>
        <translation>这是文本文件，不是图片或 PDF（扩展名是否写错了？）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="123"/>
        <source>not a regular file (a folder, device or pipe)</source>
        <translation>不是普通文件（文件夹、设备或管道）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="124"/>
        <source>cannot be read (no permission, or the file is gone)</source>
        <translation>无法读取（没有权限，或文件已不存在）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="125"/>
        <source>a table, but not a WeChat Pay, Alipay or JD bill or a chat export</source>
        <translation>是表格，但不是微信支付、支付宝或京东账单，也不是聊天记录导出文件</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="127"/>
        <source>the text&apos;s character set cannot be recognised</source>
        <translation>无法识别文本的字符编码</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="128"/>
        <source>a bill or chat export in which no row can be read</source>
        <translation>账单或聊天记录导出文件中没有任何一行可以读取</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="129"/>
        <source>the ZIP file needs its password</source>
        <translation>此 ZIP 文件需要密码</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="130"/>
        <source>the password does not open the ZIP file</source>
        <translation>密码无法打开此 ZIP 文件</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="131"/>
        <source>the ZIP file is damaged or cut short</source>
        <translation>ZIP 文件已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="132"/>
        <source>the spreadsheet is damaged or cut short</source>
        <translation>表格文件已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="133"/>
        <source>the OFD file is damaged or cut short</source>
        <translation>OFD 文件已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="134"/>
        <source>the XML file is damaged or cut short</source>
        <translation>XML 文件已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="135"/>
        <source>an OFD or XML file, but not an e-invoice (no invoice number in it)</source>
        <translation>是 OFD 或 XML 文件，但不是电子发票（其中没有发票号码）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="149"/>
        <source>The OCR engine %1 is not installed; %2 read the text instead.</source>
        <translation>未安装文字识别引擎 %1，已改用 %2 识别文字。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="151"/>
        <source>No OCR engine is installed, so no text was read; the files are stored and can be read later.</source>
        <translation>未安装文字识别引擎，所以没有识别文字；文件已保存，以后可以再识别。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="160"/>
        <source>there is no vault file at this location</source>
        <translation>此位置没有保险箱文件</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="161"/>
        <source>this file is not an Evidence Vault (perhaps another database or document)</source>
        <translation>这个文件不是证据保险箱（可能是其他数据库或文档）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="163"/>
        <source>the vault file is damaged (cut short or overwritten); restore it from a backup</source>
        <translation>保险箱文件已损坏（不完整或被覆盖），请从备份恢复</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="165"/>
        <source>a file with that name already exists; choose another name</source>
        <translation>已有同名文件，请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="166"/>
        <source>the file cannot be written there (the folder is missing or read-only, or the disk is full)</source>
        <translation>无法在该位置写入文件（文件夹不存在或只读，或磁盘已满）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="168"/>
        <source>the vault was written by a newer version of Evidence Vault; update the program</source>
        <translation>该保险箱由更新版本的证据保险箱创建，请先升级程序</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="177"/>
        <source>These picked rows or their exhibit no longer exist (deleted in another window?).</source>
        <translation>这些所选行或其所属证据已不存在（可能已在其他窗口中删除）。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="181"/>
        <source>Check at least one row.</source>
        <translation>请至少勾选一行。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="183"/>
        <source>This exhibit has no rows to pick: only a bill or chat export has them.</source>
        <translation>这份证据没有可选的行：只有账单或聊天记录导出文件才有。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="186"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="187"/>
        <source>The file has no row %1.</source>
        <translation>文件中没有第 %1 行。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="188"/>
        <source>The picked rows could not be stored: %1</source>
        <translation>所选行未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="195"/>
        <source>Vault file</source>
        <translation>保险箱文件</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="196"/>
        <source>Exhibits</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="197"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="198"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="201"/>
        <source>page %1 of the vault file</source>
        <translation>保险箱文件第 %1 页</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="202"/>
        <source>exhibit %1</source>
        <translation>证据 %1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="203"/>
        <source>case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="204"/>
        <source>audit log entry %1</source>
        <translation>审计日志第 %1 条</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="207"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="213"/>
        <source>encrypted page check: %1</source>
        <translation>加密页校验：%1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="214"/>
        <source>database structure: %1</source>
        <translation>数据库结构：%1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="216"/>
        <source>the database cannot be fully read: %1</source>
        <translation>数据库无法完整读取：%1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="218"/>
        <source>cannot be read because the file is damaged: %1</source>
        <translation>文件已损坏，无法读取：%1</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="219"/>
        <source>the original file is missing</source>
        <translation>原始文件缺失</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="220"/>
        <source>the original does not match its SHA-256 fingerprint: recorded %1, now %2</source>
        <translation>原始文件与其 SHA-256 指纹不符：记录为 %1，现为 %2</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="223"/>
        <source>the thumbnail is missing</source>
        <translation>缩略图缺失</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="224"/>
        <source>no import entry in the audit log</source>
        <translation>审计日志中没有导入记录</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="225"/>
        <source>the SHA-256 fingerprint differs from the one logged at import (log entry %1)</source>
        <translation>SHA-256 指纹与导入时记录的不同（日志第 %1 条）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="228"/>
        <source>is missing (the next entry present is %1)</source>
        <translation>缺失（其后现存的是第 %1 条）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="229"/>
        <source>does not follow the entry before it (deleted or reordered)</source>
        <translation>与前一条记录衔接不上（被删除或调换了顺序）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="231"/>
        <source>(%1) was altered: its hash does not match its content</source>
        <translation>（%1）被篡改：哈希值与内容不符</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="233"/>
        <source>the log ends at entry %1 but the vault recorded entry %2 as its newest: entries were removed, or part of the file was put back from an older copy</source>
        <translation>日志止于第 %1 条，但保险箱记录的最新一条是第 %2 条：有记录被删除，或文件的一部分被旧副本覆盖</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="236"/>
        <source>the log ends at entry %1, but this computer has seen entry %2 of this vault: the file is an older copy (a sync or backup tool may have put it back)</source>
        <translation>日志止于第 %1 条，但这台电脑见过这个保险箱的第 %2 条：此文件是旧副本（可能被同步或备份工具还原）</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="239"/>
        <source>entry %1 differs from the one this computer saw: the log was rewritten</source>
        <translation>第 %1 条与这台电脑见过的不同：日志被改写过</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="241"/>
        <source>the log records its import but the exhibit is missing</source>
        <translation>日志记录了导入，但这份证据不见了</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="243"/>
        <source>the log records its deletion but the exhibit is still there</source>
        <translation>日志记录了删除，但这份证据仍然存在</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="245"/>
        <source>%1 differ from the latest change in the audit log: changed outside the app or put back from an older copy</source>
        <translation>%1 与审计日志中最近一次改动不符：在本程序之外被修改，或被旧副本覆盖</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="248"/>
        <source>%1 beside the vault holds changes not yet merged into it: the vault is open in another window or command. A copy of the .evault file alone would miss them; make a backup.</source>
        <translation>保险箱旁的 %1 中有尚未并入保险箱的改动：保险箱正在另一个窗口或命令中打开。只复制 .evault 文件会漏掉这些改动；请做一次备份。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="252"/>
        <source>%1 beside the vault holds changes not yet merged into it: the app did not close cleanly. They are safe there, but only a backup, not a copy of the .evault file, holds them.</source>
        <translation>保险箱旁的 %1 中有尚未并入保险箱的改动：程序上次没有正常关闭。改动在那里是安全的，但只有备份才包含它们，单独复制 .evault 文件则不包含。</translation>
    </message>
    <message>
        <location filename="../../app/texts.py" line="258"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/mainwindow.py" line="40"/>
        <location filename="../../app/mainwindow.py" line="49"/>
        <source>Evidence Vault</source>
        <translation>证据保险箱</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="88"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="84"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="89"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="90"/>
        <source>Export dossier…</source>
        <translation>导出证据材料…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="91"/>
        <source>Delete item…</source>
        <translation>删除证据…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="92"/>
        <source>Item history…</source>
        <translation>证据历史…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="93"/>
        <source>Verify vault</source>
        <translation>校验保险箱</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="94"/>
        <source>Back up vault…</source>
        <translation>备份保险箱…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="95"/>
        <source>Change passphrase…</source>
        <translation>更改密码…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="97"/>
        <source>Check a dossier…</source>
        <translation>核验证据材料…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="98"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="99"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="169"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="169"/>
        <source>Background work is running; the new language applies the next time Evidence Vault starts.</source>
        <translation>后台任务正在运行，新的界面语言将在下次启动证据保险箱时生效。</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="241"/>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="242"/>
        <source>Evidence (*.png *.jpg *.jpeg *.webp *.heic *.heif *.pdf *.ofd *.xml *.csv *.xlsx *.zip *.txt);;All files (*)</source>
        <translation>证据文件 (*.png *.jpg *.jpeg *.webp *.heic *.heif *.pdf *.ofd *.xml *.csv *.xlsx *.zip *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/mainwindow.py" line="261"/>
        <source>The clipboard holds no image and no chat messages (copied messages start with a line such as “客服小美 2024-03-05 14:03”).</source>
        <translation>剪贴板里没有图片，也没有聊天消息（复制的消息以“客服小美 2024-03-05 14:03”这样的一行开头）。</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../app/vaultdialogs.py" line="54"/>
        <source>Too short: use at least %n characters.</source>
        <translation>太短：至少需要 %n 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/vaultdialogs.py" line="58"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../app/qtmodels.py" line="560"/>
        <location filename="../../app/qtmodels.py" line="570"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="560"/>
        <location filename="../../app/qtmodels.py" line="570"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="561"/>
        <source>Sender</source>
        <translation>发送者</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="561"/>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="565"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="565"/>
        <source>Item</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="566"/>
        <source>Seller</source>
        <translation>销售方</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="567"/>
        <source>Specification, quantity, unit price, tax rate, tax</source>
        <translation>规格型号 / 数量 / 单价 / 税率 / 税额</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="571"/>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="571"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="572"/>
        <source>In/out</source>
        <translation>收/支</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="566"/>
        <location filename="../../app/qtmodels.py" line="572"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="573"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="573"/>
        <source>Transaction number</source>
        <translation>交易单号</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="574"/>
        <source>Order number</source>
        <translation>商户单号/订单号</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../app/recordsview.py" line="133"/>
        <source>Filter rows: transaction number, amount, words…</source>
        <translation>筛选行：交易单号、金额、文字…</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="67"/>
        <source>Show all rows</source>
        <translation>显示全部行</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="88"/>
        <source>Check selected rows</source>
        <translation>勾选选中的行</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="89"/>
        <source>Check the rows highlighted with the mouse or Shift/Ctrl</source>
        <translation>勾选用鼠标或 Shift/Ctrl 选中的行</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="91"/>
        <source>Uncheck all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="93"/>
        <source>Add to the dossier…</source>
        <translation>选入证据材料…</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="94"/>
        <source>Make the checked rows an exhibit of their own, with a title and 证明目的</source>
        <translation>把勾选的行单独作为一份证据材料，写明标题和证明目的</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="132"/>
        <source>Filter messages: order number, words…</source>
        <translation>筛选消息：订单号、文字…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/recordsview.py" line="163"/>
        <source>Showing the %n rows of “%1”.</source>
        <translation>
            <numerusform>正在显示“%1”的 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="190"/>
        <source>loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="221"/>
        <source>The rows could not be read: %1</source>
        <translation>无法读取这些行：%1</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="225"/>
        <source>%1 in all, %2 match</source>
        <translation>共 %1 条，筛选出 %2 条</translation>
    </message>
    <message>
        <location filename="../../app/recordsview.py" line="228"/>
        <source>%1 in all</source>
        <translation>共 %1 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/recordsview.py" line="241"/>
        <source>%n rows checked</source>
        <translation>
            <numerusform>已勾选 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <location filename="../../app/selectiondialog.py" line="16"/>
        <source>Edit the picked rows</source>
        <translation>修改所选行</translation>
    </message>
    <message>
        <location filename="../../app/selectiondialog.py" line="16"/>
        <source>Add the picked rows to the dossier</source>
        <translation>将所选行选入证据材料</translation>
    </message>
    <message>
        <location filename="../../app/selectiondialog.py" line="18"/>
        <source>e.g. 三笔退款 (empty: the file name with （节选）)</source>
        <translation>例如：三笔退款（留空则用文件名加“（节选）”）</translation>
    </message>
    <message>
        <location filename="../../app/selectiondialog.py" line="21"/>
        <source>What these rows prove, as printed in the 证据目录</source>
        <translation>这些行证明什么，将印在证据目录中</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/selectiondialog.py" line="24"/>
        <source>%n rows of the file are picked; each keeps its row number in the file.</source>
        <translation>
            <numerusform>已选文件中的 %n 行；每行保留它在文件中的行号。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/selectiondialog.py" line="25"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/selectiondialog.py" line="26"/>
        <source>Purpose (证明目的)</source>
        <translation>证明目的</translation>
    </message>
</context>
<context>
    <name>SelectionsModel</name>
    <message numerus="yes">
        <location filename="../../app/qtmodels.py" line="651"/>
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionsPanel</name>
    <message>
        <location filename="../../app/selectionspanel.py" line="48"/>
        <source>Show its rows</source>
        <translation>显示其中的行</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="50"/>
        <source>Take the checked rows</source>
        <translation>改为勾选的行</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="51"/>
        <source>The selection holds the rows checked now: rows checked since are added, rows unchecked are taken out</source>
        <translation>这份材料改为现在勾选的行：新勾选的行加入，取消勾选的行移出</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="54"/>
        <source>Title and purpose…</source>
        <translation>标题和证明目的…</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="56"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="58"/>
        <source>Check rows in the table and press “Add to the dossier…”: they are printed as an exhibit of their own, with their row numbers in the file.</source>
        <translation>在表格中勾选行，再点“选入证据材料…”：这些行会单独作为一份证据印入证据材料，并注明它们在文件中的行号。</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="72"/>
        <source>Picked rows in the dossier (each an exhibit of its own)</source>
        <translation>选入证据材料的行（每组单独作为一份证据）</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="113"/>
        <source>%1 (excerpt)</source>
        <translation>%1（节选）</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="194"/>
        <source>Delete picked rows</source>
        <translation>删除所选行材料</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="195"/>
        <source>Delete “%1”? The rows stay in the file; they are no longer an exhibit of their own. The audit log records the deletion.</source>
        <translation>删除“%1”吗？这些行仍保留在文件中，只是不再单独作为一份证据。审计日志会记录这次删除。</translation>
    </message>
    <message>
        <location filename="../../app/selectionspanel.py" line="217"/>
        <source>Picked rows</source>
        <translation>所选行</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/dialogs.py" line="89"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="93"/>
        <location filename="../../app/dialogs.py" line="99"/>
        <source>%1 (not installed)</source>
        <translation>%1（未安装）</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="97"/>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="104"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="105"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="107"/>
        <source>Read text right after import</source>
        <translation>导入后立即识别文字</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="114"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="120"/>
        <source>OCR engine</source>
        <translation>文字识别引擎</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="121"/>
        <source>RapidOCR backend</source>
        <translation>RapidOCR 后端</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="123"/>
        <source>Lock after idle</source>
        <translation>空闲后自动锁定</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="124"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="125"/>
        <location filename="../../app/dialogs.py" line="134"/>
        <source>Vault file</source>
        <translation>保险箱文件</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="134"/>
        <source>Evidence vault (*.evault);;All files (*)</source>
        <translation>证据保险箱 (*.evault);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../app/qtmodels.py" line="408"/>
        <source>%1, row %2</source>
        <translation>%1 第 %2 行</translation>
    </message>
    <message>
        <location filename="../../app/qtmodels.py" line="409"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TimestampDialog</name>
    <message>
        <location filename="../../app/timestampdialog.py" line="35"/>
        <source>Add a timestamp to a dossier</source>
        <translation>为证据材料补加时间戳</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="41"/>
        <source>Optional: its CA certificate (PEM)</source>
        <translation>可选：其 CA 证书（PEM 格式）</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="43"/>
        <source>Only if the dossier has a password</source>
        <translation>仅在证据材料设有密码时填写</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="44"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="50"/>
        <source>Dossier</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="51"/>
        <source>Timestamp server (TSA)</source>
        <translation>时间戳服务（TSA）</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="52"/>
        <source>TSA root certificate</source>
        <translation>时间戳服务根证书</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="53"/>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="56"/>
        <source>Add timestamp</source>
        <translation>加时间戳</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="74"/>
        <source>Choose the dossier file and an http:// or https:// timestamp server.</source>
        <translation>请选择证据材料文件，并填写以 http:// 或 https:// 开头的时间戳服务地址。</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="80"/>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="90"/>
        <source>Asking the timestamp server…</source>
        <translation>正在向时间戳服务申请…</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="95"/>
        <source>Timestamp added. The dossier&apos;s SHA-256 is now %1.</source>
        <translation>已加时间戳。证据材料现在的 SHA-256 为 %1。</translation>
    </message>
    <message>
        <location filename="../../app/timestampdialog.py" line="101"/>
        <source>No timestamp was added; the dossier is unchanged: %1</source>
        <translation>未能加上时间戳，证据材料未作任何改动：%1</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../app/unlock.py" line="172"/>
        <source>The vault is locked</source>
        <translation>保险箱已锁定</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="177"/>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="181"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="192"/>
        <source>Vault file: %1</source>
        <translation>保险箱文件：%1</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="196"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="206"/>
        <source>Wrong passphrase. Check the keyboard layout and try again.</source>
        <translation>密码错误。请检查输入法和大小写后重试。</translation>
    </message>
    <message>
        <location filename="../../app/unlock.py" line="210"/>
        <location filename="../../app/unlock.py" line="212"/>
        <source>The vault cannot be opened: %1</source>
        <translation>无法打开保险箱：%1</translation>
    </message>
</context>
<context>
    <name>VaultActions</name>
    <message>
        <location filename="../../app/vaultactions.py" line="59"/>
        <source>Checking every original and the audit log…</source>
        <translation>正在校验每份原件和审计日志…</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="66"/>
        <source>The vault is intact: every original matches its fingerprint and the log is unbroken.</source>
        <translation>保险箱完好：每份原件都与其指纹一致，日志链完整无缺。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="70"/>
        <source>Problems were found. Keep a backup and do not rely on the listed items:</source>
        <translation>发现问题。请保留备份，不要依赖以下所列内容：</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="65"/>
        <location filename="../../app/vaultactions.py" line="69"/>
        <location filename="../../app/vaultactions.py" line="75"/>
        <source>Verify vault</source>
        <translation>校验保险箱</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="80"/>
        <source>Select an exhibit first.</source>
        <translation>请先选择一份证据。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="90"/>
        <location filename="../../app/vaultactions.py" line="99"/>
        <source>Delete item</source>
        <translation>删除证据</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="91"/>
        <source>Delete “%1” from the vault? The original, its text and fields are removed. The deletion is recorded in the audit log with the file name and fingerprint.</source>
        <translation>要从保险箱中删除“%1”吗？原件及其文字、字段都将被移除。删除操作会连同文件名和指纹记录在审计日志中。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="105"/>
        <source>Deleted; the audit log records it.</source>
        <translation>已删除；审计日志已记录此操作。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="128"/>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="131"/>
        <location filename="../../app/vaultactions.py" line="138"/>
        <source>Back up vault</source>
        <translation>备份保险箱</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="139"/>
        <source>The encrypted backup is in %1. Keep it somewhere other than this computer.</source>
        <translation>加密备份已保存到 %1。请把它另存到这台电脑以外的地方。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="144"/>
        <location filename="../../app/vaultactions.py" line="169"/>
        <source>Change passphrase</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="144"/>
        <source>Wait until the import has finished.</source>
        <translation>请等导入完成后再操作。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="156"/>
        <source>Re-encrypting the vault…</source>
        <translation>正在重新加密保险箱…</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="162"/>
        <source>The passphrase has been changed.</source>
        <translation>密码已更改。</translation>
    </message>
    <message>
        <location filename="../../app/vaultactions.py" line="170"/>
        <source>The passphrase could not be changed: %1</source>
        <translation>无法更改密码：%1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/workspace.py" line="83"/>
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="85"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="93"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="100"/>
        <source>Search order number, text or note…</source>
        <translation>搜索订单号、文字或备注…</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="106"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="110"/>
        <source>Formed between</source>
        <translation>形成时间介于</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="117"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="159"/>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="160"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="161"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="163"/>
        <source>Drop screenshots, PDFs or folders here, paste an image with Ctrl+V, or use “Add files…”.</source>
        <translation>把截图、PDF 或文件夹拖到这里，按 Ctrl+V 粘贴图片，或点击“添加文件…”。</translation>
    </message>
    <message>
        <location filename="../../app/workspace.py" line="230"/>
        <location filename="../../app/workspace.py" line="236"/>
        <source>My case</source>
        <translation>我的案件</translation>
    </message>
</context>
</TS>
