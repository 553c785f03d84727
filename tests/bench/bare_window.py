"""Baseline for the startup benchmarks: the least a PySide6 app does before its window paints.

QApplication, a QMainWindow with a label, and the same first-paint signal as ecdesk's startup
probe: `probe painted` is printed (flushed) on the turn of the event loop after the window's
first Paint event, then the app quits. Run as a script: `python tests/bench/bare_window.py`.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        print("probe painted", flush=True)
        self._app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1280, 800)
    probe = FirstPaint(app)
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
