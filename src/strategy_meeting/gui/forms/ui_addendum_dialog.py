# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'addendum_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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

class Ui_AddendumDialog(object):
    def setupUi(self, AddendumDialog):
        if not AddendumDialog.objectName():
            AddendumDialog.setObjectName(u"AddendumDialog")
        AddendumDialog.setMinimumSize(QSize(560, 360))
        self.mainLayout = QVBoxLayout(AddendumDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AddendumDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.textLabel = QLabel(AddendumDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.mainLayout.addWidget(self.textLabel)

        self.textEdit = QPlainTextEdit(AddendumDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.textEdit)

        self.errorLabel = QLabel(AddendumDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AddendumDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.textLabel.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AddendumDialog)

        QMetaObject.connectSlotsByName(AddendumDialog)
    # setupUi

    def retranslateUi(self, AddendumDialog):
        AddendumDialog.setWindowTitle(QCoreApplication.translate("AddendumDialog", u"Add addendum", None))
#if QT_CONFIG(accessibility)
        self.introLabel.setAccessibleName(QCoreApplication.translate("AddendumDialog", u"About addenda", None))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(QCoreApplication.translate("AddendumDialog", u"&Addendum text:", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("AddendumDialog", u"Addendum text", None))
#endif // QT_CONFIG(accessibility)
        self.textEdit.setPlaceholderText(QCoreApplication.translate("AddendumDialog", u"What was learned or corrected after sign-off, who told you and when.", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("AddendumDialog", u"color: #b3261e;", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AddendumDialog", u"Problem with the addendum", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

