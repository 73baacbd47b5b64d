"""Money: `€2 billion`, `US$ 600 million`, `more than 300 million euros`, `$1.5bn`, `$120–240 million`,
`2 billion Swedish kronor` -> amount in units and an ISO 4217 currency ("$" alone is taken as USD)."""

from __future__ import annotations

import re

from peacegraph.seed.extract.mentions.base import Mention

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mio": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12}
_SYMBOLS = {"us$": "USD", "usd": "USD", "$": "USD", "us $": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
            "gbp": "GBP", "chf": "CHF", "sek": "SEK", "nok": "NOK", "¥": "JPY", "jpy": "JPY", "a$": "AUD",
            "can$": "CAD", "c$": "CAD"}
_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
          "united states dollars": "USD", "pounds": "GBP", "pounds sterling": "GBP", "swedish kronor": "SEK",
          "swedish krona": "SEK", "kronor": "SEK", "norwegian kroner": "NOK", "swiss francs": "CHF",
          "yen": "JPY", "danish kroner": "DKK"}
_NUM = r"\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)?(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_RE = r"(?:\s?(?P<scale>trillion|billion|million|thousand|bn|mn|mio|tn|m|b|k)\b)?"
_PREFIXED = re.compile(
    r"(?P<cur>US\s?\$|USD|EUR|GBP|CHF|SEK|NOK|JPY|A\$|C\$|Can\$|\$|€|£|¥)\s?(?P<num>" + _NUM + r")"
    r"(?:\s?[–-]\s?(?P<num2>" + _NUM + r"))?" + _SCALE_RE
)
_SUFFIXED = re.compile(
    r"(?<![\w$€£/])(?P<num>" + _NUM + r")(?:\s?[–-]\s?(?P<num2>" + _NUM + r"))?\s?(?P<scale>trillion|billion|million|thousand|bn|mn)?"
    r"\s(?P<cur>US dollars|United States dollars|dollars|euros?|pounds sterling|pounds|Swedish kronor|"
    r"Swedish krona|Norwegian kroner|Danish kroner|Swiss francs|kronor|yen)\b",
    re.I,
)
_QUALIFIER = re.compile(r"(?:more than|over|about|around|approximately|nearly|almost|some|up to|at least|roughly)\s+$",
                        re.I)


def _number(text: str) -> float:
    text = text.replace(",", "").replace(" ", "")
    return float(text)


def find_money(text: str) -> list[Mention]:
    out: list[Mention] = []
    for rx, how in ((_PREFIXED, "pattern:money-symbol"), (_SUFFIXED, "pattern:money-words")):
        for m in rx.finditer(text):
            if any(x.start <= m.start() < x.end for x in out):
                continue
            if how.endswith("symbol") and (text[max(0, m.start() - 1):m.start()] in {"}", "^", "{", "\\"} or (
                    m.group("cur") in {"$", "€", "£", "¥"} and text[m.end("cur"):m.start("num")].strip() == ""
                    and m.end("cur") != m.start("num") and not m.group("scale"))):
                continue
            cur_raw = m.group("cur").lower().replace(" ", "") if how.endswith("symbol") else m.group("cur").lower()
            currency = _SYMBOLS.get(cur_raw) or _SYMBOLS.get(cur_raw.replace("us", "us$")) or _WORDS.get(cur_raw)
            if currency is None:
                currency = "USD" if "$" in cur_raw else None
            if currency is None:
                continue
            scale_word = (m.group("scale") or "").lower()
            if scale_word in {"m", "b", "k"} and how.endswith("words"):
                continue
            scale = _SCALE.get(scale_word, 1.0)
            amount = _number(m.group("num")) * scale
            if amount <= 0:
                continue
            data: dict[str, object] = {"amount": round(amount, 2), "currency": currency}
            if m.group("num2"):
                data["max_amount"] = round(_number(m.group("num2")) * scale, 2)
            start = m.start()
            q = _QUALIFIER.search(text[max(0, start - 25):start])
            if q:
                data["qualifier"] = q.group(0).strip().lower()
                start = start - (len(text[max(0, m.start() - 25):m.start()]) - q.start())
            out.append(Mention("money", start, m.end(), text[start:m.end()], f"{data['amount']:.0f} {currency}",
                               how, 0.9, data=data))
    return sorted(out, key=lambda x: x.start)
