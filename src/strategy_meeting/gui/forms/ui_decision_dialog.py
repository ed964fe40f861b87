# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.sharing_terms_editor import SharingTermsEditor

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.setMinimumSize(QSize(640, 0))
        self.mainLayout = QVBoxLayout(DecisionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.kindLabel = QLabel(DecisionDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(DecisionDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.outcomeLabel = QLabel(DecisionDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeEdit = QPlainTextEdit(DecisionDialog)
        self.outcomeEdit.setObjectName(u"outcomeEdit")
        self.outcomeEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomeEdit)

        self.rationaleLabel = QLabel(DecisionDialog)
        self.rationaleLabel.setObjectName(u"rationaleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rationaleLabel)

        self.rationaleEdit = QPlainTextEdit(DecisionDialog)
        self.rationaleEdit.setObjectName(u"rationaleEdit")
        self.rationaleEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rationaleEdit)

        self.widerRationaleLabel = QLabel(DecisionDialog)
        self.widerRationaleLabel.setObjectName(u"widerRationaleLabel")
        self.widerRationaleLabel.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.widerRationaleLabel)

        self.widerRationaleEdit = QPlainTextEdit(DecisionDialog)
        self.widerRationaleEdit.setObjectName(u"widerRationaleEdit")
        self.widerRationaleEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.widerRationaleEdit)

        self.withholdRationaleCheck = QCheckBox(DecisionDialog)
        self.withholdRationaleCheck.setObjectName(u"withholdRationaleCheck")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.withholdRationaleCheck)

        self.rationaleCopiesLabel = QLabel(DecisionDialog)
        self.rationaleCopiesLabel.setObjectName(u"rationaleCopiesLabel")
        self.rationaleCopiesLabel.setWordWrap(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rationaleCopiesLabel)

        self.thresholdLabel = QLabel(DecisionDialog)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.thresholdLabel)

        self.thresholdCombo = QComboBox(DecisionDialog)
        self.thresholdCombo.setObjectName(u"thresholdCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.thresholdCombo)

        self.reliedListLabel = QLabel(DecisionDialog)
        self.reliedListLabel.setObjectName(u"reliedListLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.reliedListLabel)

        self.reliedList = QListWidget(DecisionDialog)
        self.reliedList.setObjectName(u"reliedList")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.reliedList)

        self.familyWordingLabel = QLabel(DecisionDialog)
        self.familyWordingLabel.setObjectName(u"familyWordingLabel")
        self.familyWordingLabel.setWordWrap(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.familyWordingLabel)

        self.familyWordingEdit = QPlainTextEdit(DecisionDialog)
        self.familyWordingEdit.setObjectName(u"familyWordingEdit")
        self.familyWordingEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.familyWordingEdit)

        self.sharingEditorLabel = QLabel(DecisionDialog)
        self.sharingEditorLabel.setObjectName(u"sharingEditorLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.sharingEditorLabel)

        self.sharingEditor = SharingTermsEditor(DecisionDialog)
        self.sharingEditor.setObjectName(u"sharingEditor")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.sharingEditor)

        self.confirmedCheck = QCheckBox(DecisionDialog)
        self.confirmedCheck.setObjectName(u"confirmedCheck")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.confirmedCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.dissentGroup = QGroupBox(DecisionDialog)
        self.dissentGroup.setObjectName(u"dissentGroup")
        self.dissentLayout = QVBoxLayout(self.dissentGroup)
        self.dissentLayout.setObjectName(u"dissentLayout")
        self.dissentRow = QHBoxLayout()
        self.dissentRow.setObjectName(u"dissentRow")
        self.dissentAgencyLabel = QLabel(self.dissentGroup)
        self.dissentAgencyLabel.setObjectName(u"dissentAgencyLabel")

        self.dissentRow.addWidget(self.dissentAgencyLabel)

        self.dissentAgencyCombo = QComboBox(self.dissentGroup)
        self.dissentAgencyCombo.setObjectName(u"dissentAgencyCombo")

        self.dissentRow.addWidget(self.dissentAgencyCombo)

        self.dissentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dissentRow.addItem(self.dissentSpacer)


        self.dissentLayout.addLayout(self.dissentRow)

        self.dissentViewLabel = QLabel(self.dissentGroup)
        self.dissentViewLabel.setObjectName(u"dissentViewLabel")

        self.dissentLayout.addWidget(self.dissentViewLabel)

        self.dissentViewEdit = QPlainTextEdit(self.dissentGroup)
        self.dissentViewEdit.setObjectName(u"dissentViewEdit")
        self.dissentViewEdit.setTabChangesFocus(True)

        self.dissentLayout.addWidget(self.dissentViewEdit)

        self.addRow = QHBoxLayout()
        self.addRow.setObjectName(u"addRow")
        self.addSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addRow.addItem(self.addSpacer)

        self.addDissentButton = QPushButton(self.dissentGroup)
        self.addDissentButton.setObjectName(u"addDissentButton")

        self.addRow.addWidget(self.addDissentButton)


        self.dissentLayout.addLayout(self.addRow)

        self.dissentList = QListWidget(self.dissentGroup)
        self.dissentList.setObjectName(u"dissentList")

        self.dissentLayout.addWidget(self.dissentList)

        self.removeRow = QHBoxLayout()
        self.removeRow.setObjectName(u"removeRow")
        self.removeDissentButton = QPushButton(self.dissentGroup)
        self.removeDissentButton.setObjectName(u"removeDissentButton")

        self.removeRow.addWidget(self.removeDissentButton)

        self.removeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.removeRow.addItem(self.removeSpacer)


        self.dissentLayout.addLayout(self.removeRow)


        self.mainLayout.addWidget(self.dissentGroup)

        self.errorLabel = QLabel(DecisionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.outcomeLabel.setBuddy(self.outcomeEdit)
        self.rationaleLabel.setBuddy(self.rationaleEdit)
        self.widerRationaleLabel.setBuddy(self.widerRationaleEdit)
        self.thresholdLabel.setBuddy(self.thresholdCombo)
        self.reliedListLabel.setBuddy(self.reliedList)
        self.familyWordingLabel.setBuddy(self.familyWordingEdit)
        self.sharingEditorLabel.setBuddy(self.sharingEditor)
        self.dissentAgencyLabel.setBuddy(self.dissentAgencyCombo)
        self.dissentViewLabel.setBuddy(self.dissentViewEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.outcomeEdit)
        QWidget.setTabOrder(self.outcomeEdit, self.rationaleEdit)
        QWidget.setTabOrder(self.rationaleEdit, self.widerRationaleEdit)
        QWidget.setTabOrder(self.widerRationaleEdit, self.withholdRationaleCheck)
        QWidget.setTabOrder(self.withholdRationaleCheck, self.thresholdCombo)
        QWidget.setTabOrder(self.thresholdCombo, self.reliedList)
        QWidget.setTabOrder(self.reliedList, self.familyWordingEdit)
        QWidget.setTabOrder(self.familyWordingEdit, self.sharingEditor)
        QWidget.setTabOrder(self.sharingEditor, self.confirmedCheck)
        QWidget.setTabOrder(self.confirmedCheck, self.dissentAgencyCombo)
        QWidget.setTabOrder(self.dissentAgencyCombo, self.dissentViewEdit)
        QWidget.setTabOrder(self.dissentViewEdit, self.addDissentButton)
        QWidget.setTabOrder(self.addDissentButton, self.dissentList)
        QWidget.setTabOrder(self.dissentList, self.removeDissentButton)
        QWidget.setTabOrder(self.removeDissentButton, self.buttonBox)

        self.retranslateUi(DecisionDialog)

        QMetaObject.connectSlotsByName(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"Decision", None))
        self.kindLabel.setText(QCoreApplication.translate("DecisionDialog", u"&Decision:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Kind of decision", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeLabel.setText(QCoreApplication.translate("DecisionDialog", u"&Outcome:", None))
#if QT_CONFIG(accessibility)
        self.outcomeEdit.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.rationaleLabel.setText(QCoreApplication.translate("DecisionDialog", u"&Rationale:", None))
#if QT_CONFIG(accessibility)
        self.rationaleEdit.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Rationale: why it was decided", None))
#endif // QT_CONFIG(accessibility)
        self.widerRationaleLabel.setText(QCoreApplication.translate("DecisionDialog", u"Rationale for cop&ies that may not see everything this decision relied on:", None))
#if QT_CONFIG(accessibility)
        self.widerRationaleEdit.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Rationale for copies that may not see everything this decision relied on", None))
#endif // QT_CONFIG(accessibility)
        self.withholdRationaleCheck.setText(QCoreApplication.translate("DecisionDialog", u"Leave the rationale out of those co&pies", None))
#if QT_CONFIG(accessibility)
        self.withholdRationaleCheck.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Leave the rationale out of those copies", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.rationaleCopiesLabel.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Copies that would not hold the full rationale", None))
#endif // QT_CONFIG(accessibility)
        self.thresholdLabel.setText(QCoreApplication.translate("DecisionDialog", u"&Threshold met:", None))
#if QT_CONFIG(accessibility)
        self.thresholdCombo.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Threshold met", None))
#endif // QT_CONFIG(accessibility)
        self.reliedListLabel.setText(QCoreApplication.translate("DecisionDialog", u"R&elied on:", None))
#if QT_CONFIG(accessibility)
        self.reliedList.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Contributions relied on", None))
#endif // QT_CONFIG(accessibility)
        self.familyWordingLabel.setText(QCoreApplication.translate("DecisionDialog", u"Wording for the fa&mily:", None))
#if QT_CONFIG(accessibility)
        self.familyWordingEdit.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Wording for the family", None))
#endif // QT_CONFIG(accessibility)
        self.sharingEditorLabel.setText(QCoreApplication.translate("DecisionDialog", u"Sharing:", None))
#if QT_CONFIG(accessibility)
        self.sharingEditor.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Sharing terms of the decision", None))
#endif // QT_CONFIG(accessibility)
        self.confirmedCheck.setText(QCoreApplication.translate("DecisionDialog", u"Con&firmed by the chair (a minute-taker may then not change it)", None))
#if QT_CONFIG(accessibility)
        self.confirmedCheck.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Confirmed by the chair", None))
#endif // QT_CONFIG(accessibility)
        self.dissentGroup.setTitle(QCoreApplication.translate("DecisionDialog", u"Dissent by agency", None))
        self.dissentAgencyLabel.setText(QCoreApplication.translate("DecisionDialog", u"A&gency:", None))
#if QT_CONFIG(accessibility)
        self.dissentAgencyCombo.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Dissenting agency", None))
#endif // QT_CONFIG(accessibility)
        self.dissentViewLabel.setText(QCoreApplication.translate("DecisionDialog", u"Its vie&w (Enter adds it; Shift+Enter starts a new line):", None))
#if QT_CONFIG(accessibility)
        self.dissentViewEdit.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Dissenting view", None))
#endif // QT_CONFIG(accessibility)
        self.dissentViewEdit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"What the agency would have decided instead, and why", None))
#if QT_CONFIG(accessibility)
        self.addDissentButton.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Add dissent", None))
#endif // QT_CONFIG(accessibility)
        self.addDissentButton.setText(QCoreApplication.translate("DecisionDialog", u"&Add dissent", None))
#if QT_CONFIG(accessibility)
        self.dissentList.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Recorded dissent", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.removeDissentButton.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Remove selected dissent", None))
#endif // QT_CONFIG(accessibility)
        self.removeDissentButton.setText(QCoreApplication.translate("DecisionDialog", u"Remo&ve selected dissent", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("DecisionDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("DecisionDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

