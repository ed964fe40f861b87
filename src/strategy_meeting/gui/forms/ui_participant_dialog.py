# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'participant_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ParticipantDialog(object):
    def setupUi(self, ParticipantDialog):
        if not ParticipantDialog.objectName():
            ParticipantDialog.setObjectName(u"ParticipantDialog")
        ParticipantDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(ParticipantDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.agencyLabel = QLabel(ParticipantDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(ParticipantDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.nameLabel = QLabel(ParticipantDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ParticipantDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(ParticipantDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleEdit = QLineEdit(ParticipantDialog)
        self.roleEdit.setObjectName(u"roleEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleEdit)

        self.statusLabel = QLabel(ParticipantDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ParticipantDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.authorityCheck = QCheckBox(ParticipantDialog)
        self.authorityCheck.setObjectName(u"authorityCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.authorityCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ParticipantDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ParticipantDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleEdit)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.agencyCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.roleEdit)
        QWidget.setTabOrder(self.roleEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.authorityCheck)
        QWidget.setTabOrder(self.authorityCheck, self.buttonBox)

        self.retranslateUi(ParticipantDialog)

        QMetaObject.connectSlotsByName(ParticipantDialog)
    # setupUi

    def retranslateUi(self, ParticipantDialog):
        ParticipantDialog.setWindowTitle(QCoreApplication.translate("ParticipantDialog", u"Participant", None))
        self.agencyLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Agency:", None))
#if QT_CONFIG(accessibility)
        self.agencyCombo.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Agency", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Participant's name", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Role:", None))
#if QT_CONFIG(accessibility)
        self.roleEdit.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.roleEdit.setPlaceholderText(QCoreApplication.translate("ParticipantDialog", u"e.g. Detective Sergeant", None))
        self.statusLabel.setText(QCoreApplication.translate("ParticipantDialog", u"A&ttendance:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Attendance", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.authorityCheck.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Can make decisions for their agency", None))
#endif // QT_CONFIG(accessibility)
        self.authorityCheck.setText(QCoreApplication.translate("ParticipantDialog", u"Can make &decisions for their agency", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("ParticipantDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

