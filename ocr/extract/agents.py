"""Who the consumer dealt with: customer-service agents (客服小东, 工号 10086) and platforms (京东, 白条…)."""
from __future__ import annotations

import re

from ocr.extract.candidates import Candidate
from ocr.extract.labels import LABEL_GAP, LABELS, alternation, unspaced
from ocr.types import FieldType

PLATFORMS: dict[str, str] = {
    "京东金融": "京东金融", "京东白条": "白条", "白条": "白条", "金条": "金条", "京东支付": "京东支付",
    "京东商城": "京东", "京东自营": "京东", "京东物流": "京东物流", "京东快递": "京东物流", "京东到家": "京东到家",
    "京东": "京东", "JD.com": "京东", "网银在线": "网银在线", "微信支付": "微信支付", "财付通": "财付通",
    "微信": "微信", "支付宝": "支付宝", "花呗": "花呗", "借呗": "借呗", "云闪付": "云闪付", "淘宝": "淘宝",
    "天猫": "天猫", "拼多多": "拼多多", "美团": "美团", "抖音": "抖音",
}
"""Spelling on screen → canonical name; the issue lists JD's products first (京东, 白条, 金条, 京东金融)."""

_PLATFORM = re.compile(alternation(PLATFORMS))
_NAME_STOP = ("电话", "热线", "中心", "工号", "人员", "为您", "为你", "很高兴", "您好", "你好", "正在", "在线", "已", "会",
              "回复", "说", "这边", "处理", "服务", "介入", "同意", "表示", "承诺", "告知", "让", "给", "称", "的", "不",
              "和", "与", "是", "在", "也", "都", "还", "就", "要")
_NOT_A_NAME = ("中", "处理", "审核", "完成", "服务", "申请", "进度", "详情", "单", "记录", "类型", "政策", "地址", "问题",
               "保障", "态度", "一直", "没", "根本", "工作", "时间", "系统", "机器人", "部门", "入口", "页面", "小结")
"""Words after 客服/售后 that say what state or thing it is (退款/售后中, 审核中, 售后服务), never who."""
_MAX_NAME = 4
"""Agents sign with a nickname or a short name (小美, 京小智, 李明华); longer runs are sentences."""
_AGENT = re.compile(
    r"(?P<brand>京东|JD)?(?P<role>客服|专员|售后)(?:专员|人员|顾问|经理|主管)?(?P<name>[\u4e00-\u9fa5A-Za-z]{1,8})?"
)
_AGENT_ID = re.compile(rf"(?:{alternation(LABELS[FieldType.AGENT_ID])}){LABEL_GAP}(?P<id>[A-Za-z]{{0,3}}\d{{3,10}})(?!\d)")
_BRACKETED_ID = re.compile(r"\s*[(\[【]\s*(?P<id>[A-Za-z]{0,3}\d{3,10})\s*[)\]】]")
"""客服小美(53218): a number in brackets right after an agent's name is the 工号 without its label."""


def find_agents(text: str) -> list[Candidate]:
    """Agent names, agent ids (工号) and platform names mentioned in `text`."""
    found = [Candidate(FieldType.AGENT_ID, m.start("id"), m.end("id"), m.group("id").upper(), 0.95)
             for m in _AGENT_ID.finditer(text)]
    found += [Candidate(FieldType.PLATFORM, m.start(), m.end(), PLATFORMS[unspaced(m.group())], 0.9)
              for m in _PLATFORM.finditer(text)]
    for match in _AGENT.finditer(text):
        candidate = _agent(match)
        if candidate is None:
            continue
        found.append(candidate)
        bracketed = _BRACKETED_ID.match(text, candidate.end)
        if bracketed:
            found.append(Candidate(FieldType.AGENT_ID, bracketed.start("id"), bracketed.end("id"),
                                   bracketed.group("id").upper(), 0.85))
    return found


def _agent(match: re.Match[str]) -> Candidate | None:
    """客服小东 → 小东; 京东客服 alone names only the brand's service, so it is less certain.

    A named agent's span starts at the role, so the brand stays a platform of its own (京东客服小美
    gives platform 京东 and agent 小美).
    """
    name = _name(match.group("name") or "")
    if name:
        end = match.start("name") + len(name)
        return Candidate(FieldType.AGENT, match.start("role"), end, name, 0.85)
    if match.group("brand"):
        end = match.end("role")
        return Candidate(FieldType.AGENT, match.start(), end, match.group("brand") + match.group("role"), 0.6)
    return None


def _name(text: str) -> str:
    """The name in what follows a role word, or "" when it is a state, a thing or a sentence."""
    if text.startswith(_NOT_A_NAME):
        return ""
    cut = min((i for i in (text.find(stop) for stop in _NAME_STOP) if i >= 0), default=len(text))
    name = text[:cut]
    if name.isascii():
        return name
    return name if 2 <= len(name) <= _MAX_NAME else ""
