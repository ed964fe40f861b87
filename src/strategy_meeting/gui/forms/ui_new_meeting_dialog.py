# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_meeting_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.date_edit import OptionalDateTimeEdit

class Ui_NewMeetingDialog(object):
    def setupUi(self, NewMeetingDialog):
        if not NewMeetingDialog.objectName():
            NewMeetingDialog.setObjectName(u"NewMeetingDialog")
        NewMeetingDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(NewMeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(NewMeetingDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.referenceLabel = QLabel(NewMeetingDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.referenceEdit = QLineEdit(NewMeetingDialog)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.heldAtLabel = QLabel(NewMeetingDialog)
        self.heldAtLabel.setObjectName(u"heldAtLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.heldAtLabel)

        self.heldAtEdit = OptionalDateTimeEdit(NewMeetingDialog)
        self.heldAtEdit.setObjectName(u"heldAtEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heldAtEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(NewMeetingDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(NewMeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.referenceLabel.setBuddy(self.referenceEdit)
        self.heldAtLabel.setBuddy(self.heldAtEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.referenceEdit, self.heldAtEdit)

        self.retranslateUi(NewMeetingDialog)
        self.buttonBox.rejected.connect(NewMeetingDialog.reject)

        QMetaObject.connectSlotsByName(NewMeetingDialog)
    # setupUi

    def retranslateUi(self, NewMeetingDialog):
        NewMeetingDialog.setWindowTitle(QCoreApplication.translate("NewMeetingDialog", u"New meeting", None))
        self.referenceLabel.setText(QCoreApplication.translate("NewMeetingDialog", u"&Reference:", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("NewMeetingDialog", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.heldAtLabel.setText(QCoreApplication.translate("NewMeetingDialog", u"&Held at:", None))
#if QT_CONFIG(accessibility)
        self.heldAtEdit.setAccessibleName(QCoreApplication.translate("NewMeetingDialog", u"Held at", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("NewMeetingDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setStyleSheet(QCoreApplication.translate("NewMeetingDialog", u"color: #b3261e;", None))
        self.problemLabel.setText("")
    # retranslateUi

