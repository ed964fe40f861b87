# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'child_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.date_edit import OptionalDateEdit

class Ui_ChildDialog(object):
    def setupUi(self, ChildDialog):
        if not ChildDialog.objectName():
            ChildDialog.setObjectName(u"ChildDialog")
        ChildDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(ChildDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.nameLabel = QLabel(ChildDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ChildDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.dobLabel = QLabel(ChildDialog)
        self.dobLabel.setObjectName(u"dobLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dobLabel)

        self.dobEdit = OptionalDateEdit(ChildDialog)
        self.dobEdit.setObjectName(u"dobEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dobEdit)

        self.expectedLabel = QLabel(ChildDialog)
        self.expectedLabel.setObjectName(u"expectedLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.expectedLabel)

        self.expectedEdit = OptionalDateEdit(ChildDialog)
        self.expectedEdit.setObjectName(u"expectedEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.expectedEdit)

        self.genderLabel = QLabel(ChildDialog)
        self.genderLabel.setObjectName(u"genderLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.genderEdit = QLineEdit(ChildDialog)
        self.genderEdit.setObjectName(u"genderEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.genderEdit)

        self.ethnicityLabel = QLabel(ChildDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicityEdit = QLineEdit(ChildDialog)
        self.ethnicityEdit.setObjectName(u"ethnicityEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ethnicityEdit)

        self.nhsLabel = QLabel(ChildDialog)
        self.nhsLabel.setObjectName(u"nhsLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nhsLabel)

        self.nhsEdit = QLineEdit(ChildDialog)
        self.nhsEdit.setObjectName(u"nhsEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nhsEdit)

        self.addressLabel = QLabel(ChildDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(ChildDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.schoolLabel = QLabel(ChildDialog)
        self.schoolLabel.setObjectName(u"schoolLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.schoolLabel)

        self.schoolEdit = QLineEdit(ChildDialog)
        self.schoolEdit.setObjectName(u"schoolEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.schoolEdit)

        self.communicationLabel = QLabel(ChildDialog)
        self.communicationLabel.setObjectName(u"communicationLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.communicationLabel)

        self.communicationEdit = QLineEdit(ChildDialog)
        self.communicationEdit.setObjectName(u"communicationEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.communicationEdit)

        self.disabilityLabel = QLabel(ChildDialog)
        self.disabilityLabel.setObjectName(u"disabilityLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.disabilityLabel)

        self.disabilityEdit = QLineEdit(ChildDialog)
        self.disabilityEdit.setObjectName(u"disabilityEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.disabilityEdit)

        self.interpreterLabel = QLabel(ChildDialog)
        self.interpreterLabel.setObjectName(u"interpreterLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.interpreterLabel)

        self.interpreterEdit = QLineEdit(ChildDialog)
        self.interpreterEdit.setObjectName(u"interpreterEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.interpreterEdit)

        self.viewsReasonLabel = QLabel(ChildDialog)
        self.viewsReasonLabel.setObjectName(u"viewsReasonLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.viewsReasonLabel)

        self.viewsReasonEdit = QLineEdit(ChildDialog)
        self.viewsReasonEdit.setObjectName(u"viewsReasonEdit")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.viewsReasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ChildDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChildDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.dobLabel.setBuddy(self.dobEdit)
        self.expectedLabel.setBuddy(self.expectedEdit)
        self.genderLabel.setBuddy(self.genderEdit)
        self.ethnicityLabel.setBuddy(self.ethnicityEdit)
        self.nhsLabel.setBuddy(self.nhsEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.schoolLabel.setBuddy(self.schoolEdit)
        self.communicationLabel.setBuddy(self.communicationEdit)
        self.disabilityLabel.setBuddy(self.disabilityEdit)
        self.interpreterLabel.setBuddy(self.interpreterEdit)
        self.viewsReasonLabel.setBuddy(self.viewsReasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.dobEdit)
        QWidget.setTabOrder(self.dobEdit, self.expectedEdit)
        QWidget.setTabOrder(self.expectedEdit, self.genderEdit)
        QWidget.setTabOrder(self.genderEdit, self.ethnicityEdit)
        QWidget.setTabOrder(self.ethnicityEdit, self.nhsEdit)
        QWidget.setTabOrder(self.nhsEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.schoolEdit)
        QWidget.setTabOrder(self.schoolEdit, self.communicationEdit)
        QWidget.setTabOrder(self.communicationEdit, self.disabilityEdit)
        QWidget.setTabOrder(self.disabilityEdit, self.interpreterEdit)
        QWidget.setTabOrder(self.interpreterEdit, self.viewsReasonEdit)
        QWidget.setTabOrder(self.viewsReasonEdit, self.buttonBox)

        self.retranslateUi(ChildDialog)

        QMetaObject.connectSlotsByName(ChildDialog)
    # setupUi

    def retranslateUi(self, ChildDialog):
        ChildDialog.setWindowTitle(QCoreApplication.translate("ChildDialog", u"Subject child", None))
        self.nameLabel.setText(QCoreApplication.translate("ChildDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Child's name", None))
#endif // QT_CONFIG(accessibility)
        self.dobLabel.setText(QCoreApplication.translate("ChildDialog", u"Date of &birth:", None))
#if QT_CONFIG(accessibility)
        self.dobEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.expectedLabel.setText(QCoreApplication.translate("ChildDialog", u"E&xpected date (unborn):", None))
#if QT_CONFIG(accessibility)
        self.expectedEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Expected date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.genderLabel.setText(QCoreApplication.translate("ChildDialog", u"Sex or &gender:", None))
#if QT_CONFIG(accessibility)
        self.genderEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Sex or gender", None))
#endif // QT_CONFIG(accessibility)
        self.ethnicityLabel.setText(QCoreApplication.translate("ChildDialog", u"&Ethnicity:", None))
#if QT_CONFIG(accessibility)
        self.ethnicityEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Ethnicity", None))
#endif // QT_CONFIG(accessibility)
        self.nhsLabel.setText(QCoreApplication.translate("ChildDialog", u"NHS n&umber:", None))
#if QT_CONFIG(accessibility)
        self.nhsEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"NHS number", None))
#endif // QT_CONFIG(accessibility)
        self.nhsEdit.setPlaceholderText(QCoreApplication.translate("ChildDialog", u"10 digits", None))
        self.addressLabel.setText(QCoreApplication.translate("ChildDialog", u"&Address:", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.schoolLabel.setText(QCoreApplication.translate("ChildDialog", u"&School or setting:", None))
#if QT_CONFIG(accessibility)
        self.schoolEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"School or setting", None))
#endif // QT_CONFIG(accessibility)
        self.communicationLabel.setText(QCoreApplication.translate("ChildDialog", u"&Communication needs:", None))
#if QT_CONFIG(accessibility)
        self.communicationEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Communication needs", None))
#endif // QT_CONFIG(accessibility)
        self.disabilityLabel.setText(QCoreApplication.translate("ChildDialog", u"&Disability:", None))
#if QT_CONFIG(accessibility)
        self.disabilityEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Disability", None))
#endif // QT_CONFIG(accessibility)
        self.interpreterLabel.setText(QCoreApplication.translate("ChildDialog", u"&Interpreter (language):", None))
#if QT_CONFIG(accessibility)
        self.interpreterEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Interpreter language, if one is needed", None))
#endif // QT_CONFIG(accessibility)
        self.viewsReasonLabel.setText(QCoreApplication.translate("ChildDialog", u"&Views not recorded because:", None))
#if QT_CONFIG(accessibility)
        self.viewsReasonEdit.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Why the child's views or lived experience are not recorded", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("ChildDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

