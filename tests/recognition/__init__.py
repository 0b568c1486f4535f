"""The recognition corpus: .docx files written with python-docx the way departments write
them, each with the parts a reader expects (written by hand in ``cases.py``)."""
