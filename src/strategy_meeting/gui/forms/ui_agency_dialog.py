# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AgencyDialog(object):
    def setupUi(self, AgencyDialog):
        if not AgencyDialog.objectName():
            AgencyDialog.setObjectName(u"AgencyDialog")
        AgencyDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(AgencyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.codeLabel = QLabel(AgencyDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(AgencyDialog)
        self.codeEdit.setObjectName(u"codeEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(AgencyDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AgencyDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(AgencyDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(AgencyDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.emailLabel = QLabel(AgencyDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(AgencyDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AgencyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgencyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.buttonBox)

        self.retranslateUi(AgencyDialog)

        QMetaObject.connectSlotsByName(AgencyDialog)
    # setupUi

    def retranslateUi(self, AgencyDialog):
        AgencyDialog.setWindowTitle(QCoreApplication.translate("AgencyDialog", u"Agency taking part", None))
        self.codeLabel.setText(QCoreApplication.translate("AgencyDialog", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("AgencyDialog", u"Agency code", None))
#endif // QT_CONFIG(accessibility)
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("AgencyDialog", u"e.g. POLICE, EDU", None))
        self.nameLabel.setText(QCoreApplication.translate("AgencyDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("AgencyDialog", u"Agency name", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("AgencyDialog", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("AgencyDialog", u"Kind of agency", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("AgencyDialog", u"&E-mail:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("AgencyDialog", u"Agency e-mail address", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AgencyDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("AgencyDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("AgencyDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

