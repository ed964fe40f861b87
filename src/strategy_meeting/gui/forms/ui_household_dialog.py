# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_HouseholdDialog(object):
    def setupUi(self, HouseholdDialog):
        if not HouseholdDialog.objectName():
            HouseholdDialog.setObjectName(u"HouseholdDialog")
        HouseholdDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(HouseholdDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.nameLabel = QLabel(HouseholdDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(HouseholdDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.relationshipLabel = QLabel(HouseholdDialog)
        self.relationshipLabel.setObjectName(u"relationshipLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.relationshipLabel)

        self.relationshipEdit = QLineEdit(HouseholdDialog)
        self.relationshipEdit.setObjectName(u"relationshipEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.relationshipEdit)

        self.responsibilityCheck = QCheckBox(HouseholdDialog)
        self.responsibilityCheck.setObjectName(u"responsibilityCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.responsibilityCheck)

        self.addressLabel = QLabel(HouseholdDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(HouseholdDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.notesLabel = QLabel(HouseholdDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(HouseholdDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.isChildCheck = QCheckBox(HouseholdDialog)
        self.isChildCheck.setObjectName(u"isChildCheck")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.isChildCheck)

        self.considerationLabel = QLabel(HouseholdDialog)
        self.considerationLabel.setObjectName(u"considerationLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.considerationLabel)

        self.considerationEdit = QPlainTextEdit(HouseholdDialog)
        self.considerationEdit.setObjectName(u"considerationEdit")
        self.considerationEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.considerationEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(HouseholdDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(HouseholdDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.relationshipLabel.setBuddy(self.relationshipEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.notesLabel.setBuddy(self.notesEdit)
        self.considerationLabel.setBuddy(self.considerationEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.relationshipEdit)
        QWidget.setTabOrder(self.relationshipEdit, self.responsibilityCheck)
        QWidget.setTabOrder(self.responsibilityCheck, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.isChildCheck)
        QWidget.setTabOrder(self.isChildCheck, self.considerationEdit)
        QWidget.setTabOrder(self.considerationEdit, self.buttonBox)

        self.retranslateUi(HouseholdDialog)

        QMetaObject.connectSlotsByName(HouseholdDialog)
    # setupUi

    def retranslateUi(self, HouseholdDialog):
        HouseholdDialog.setWindowTitle(QCoreApplication.translate("HouseholdDialog", u"Household member or significant adult", None))
        self.nameLabel.setText(QCoreApplication.translate("HouseholdDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.relationshipLabel.setText(QCoreApplication.translate("HouseholdDialog", u"&Relationship:", None))
#if QT_CONFIG(accessibility)
        self.relationshipEdit.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Relationship to the child", None))
#endif // QT_CONFIG(accessibility)
        self.relationshipEdit.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"e.g. mother, mother's partner, grandparent", None))
#if QT_CONFIG(accessibility)
        self.responsibilityCheck.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Has parental responsibility", None))
#endif // QT_CONFIG(accessibility)
        self.responsibilityCheck.setText(QCoreApplication.translate("HouseholdDialog", u"Has &parental responsibility", None))
        self.addressLabel.setText(QCoreApplication.translate("HouseholdDialog", u"&Address:", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("HouseholdDialog", u"N&otes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.isChildCheck.setText(QCoreApplication.translate("HouseholdDialog", u"Another &child of the household (not a subject child)", None))
#if QT_CONFIG(accessibility)
        self.isChildCheck.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Another child of the household", None))
#endif // QT_CONFIG(accessibility)
        self.considerationLabel.setText(QCoreApplication.translate("HouseholdDialog", u"How they were consi&dered:", None))
#if QT_CONFIG(accessibility)
        self.considerationEdit.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"How the meeting considered this child", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("HouseholdDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("HouseholdDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

