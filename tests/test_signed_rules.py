"""A 办法 / 规定 with no 红头, signed and dated at its end, prints the 署名 and 成文日期 of
a 公文 (GB/T 9704 7.3.5: the date's first character 2 字 right of the signature's),
not as two right-aligned body lines; judged from the PDF."""
from __future__ import annotations

import sender_docs
from test_qa_senders import _checked, _one, pdf_lines, text_of


def _line(lines, text):
    return next((n, chars) for n, _y, chars in lines if text_of(chars) == text)


def test_a_signed_rules_document_prints_its_signature_and_date(tmp_path):
    pdf, laid, _report = _checked(_one(tmp_path, sender_docs.numbered_rules()))
    lines = pdf_lines(pdf)
    n_sig, sig = _line(lines, "东西湖区人民政府")
    n_date, date = _line(lines, "2025年2月28日")
    em = sig[0][2]
    assert n_sig == n_date
    # the date starts 2 字 right of the signature (right-aligned lines would end together)
    assert abs((date[0][1] - sig[0][1]) / em - 2.0) < 0.25
