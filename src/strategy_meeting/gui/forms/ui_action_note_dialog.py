# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_note_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ActionNoteDialog(object):
    def setupUi(self, ActionNoteDialog):
        if not ActionNoteDialog.objectName():
            ActionNoteDialog.setObjectName(u"ActionNoteDialog")
        ActionNoteDialog.setMinimumSize(QSize(480, 280))
        self.mainLayout = QVBoxLayout(ActionNoteDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.actionLabel = QLabel(ActionNoteDialog)
        self.actionLabel.setObjectName(u"actionLabel")
        self.actionLabel.setWordWrap(True)
        self.actionLabel.setTextFormat(Qt.RichText)

        self.mainLayout.addWidget(self.actionLabel)

        self.noteLabel = QLabel(ActionNoteDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.mainLayout.addWidget(self.noteLabel)

        self.noteEdit = QPlainTextEdit(ActionNoteDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.noteEdit)

        self.buttonBox = QDialogButtonBox(ActionNoteDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionNoteDialog)
        self.buttonBox.accepted.connect(ActionNoteDialog.accept)
        self.buttonBox.rejected.connect(ActionNoteDialog.reject)

        QMetaObject.connectSlotsByName(ActionNoteDialog)
    # setupUi

    def retranslateUi(self, ActionNoteDialog):
        ActionNoteDialog.setWindowTitle(QCoreApplication.translate("ActionNoteDialog", u"Mark action done", None))
        self.noteLabel.setText(QCoreApplication.translate("ActionNoteDialog", u"&What was done?", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ActionNoteDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

