# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_off_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SignOffDialog(object):
    def setupUi(self, SignOffDialog):
        if not SignOffDialog.objectName():
            SignOffDialog.setObjectName(u"SignOffDialog")
        SignOffDialog.setMinimumSize(QSize(560, 360))
        self.mainLayout = QVBoxLayout(SignOffDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SignOffDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.warningsList = QListWidget(SignOffDialog)
        self.warningsList.setObjectName(u"warningsList")

        self.mainLayout.addWidget(self.warningsList)

        self.acknowledgeAllCheck = QCheckBox(SignOffDialog)
        self.acknowledgeAllCheck.setObjectName(u"acknowledgeAllCheck")

        self.mainLayout.addWidget(self.acknowledgeAllCheck)

        self.reasonLabel = QLabel(SignOffDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.mainLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QLineEdit(SignOffDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(2000)

        self.mainLayout.addWidget(self.reasonEdit)

        self.errorLabel = QLabel(SignOffDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SignOffDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.warningsList, self.acknowledgeAllCheck)
        QWidget.setTabOrder(self.acknowledgeAllCheck, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.buttonBox)

        self.retranslateUi(SignOffDialog)

        QMetaObject.connectSlotsByName(SignOffDialog)
    # setupUi

    def retranslateUi(self, SignOffDialog):
        SignOffDialog.setWindowTitle(QCoreApplication.translate("SignOffDialog", u"Sign off the minutes", None))
        self.introLabel.setText("")
#if QT_CONFIG(accessibility)
        self.warningsList.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"Warnings to acknowledge", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.acknowledgeAllCheck.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"Acknowledge every warning", None))
#endif // QT_CONFIG(accessibility)
        self.acknowledgeAllCheck.setText(QCoreApplication.translate("SignOffDialog", u"I have read every &warning and sign off anyway", None))
        self.reasonLabel.setText(QCoreApplication.translate("SignOffDialog", u"&Reason (printed on the minutes):", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"Reason for the acknowledged warnings, or why someone other than the chair signs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"Problem with sign-off", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("SignOffDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SignOffDialog", u"Sign off or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

