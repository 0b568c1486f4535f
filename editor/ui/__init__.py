"""The editor window (layer: ui — the only package that imports PySide6).

``app.run_app(argv)`` starts it; ``main_window.MainWindow`` wires the panels: issue tree
(``issue_tree``), page preview (``preview`` over ``painter``), properties and table
layout (``properties``, ``table_panel``), undo (``undo``), background work (``jobs``),
export and print (``export``), settings (``settings``) and the start page (``start_page``).
Panels emit requests; ``edits`` turns them into ``editor.app`` commands.
"""
