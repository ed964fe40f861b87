# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.date_edit import OptionalDateEdit
from strategy_meeting.gui.widgets.sharing_terms_editor import SharingTermsEditor

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.setMinimumSize(QSize(640, 0))
        self.mainLayout = QVBoxLayout(ActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.descriptionLabel = QLabel(ActionDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(ActionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.agencyLabel = QLabel(ActionDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(ActionDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.ownerLabel = QLabel(ActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(ActionDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.dueLabel = QLabel(ActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = OptionalDateEdit(ActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.statusLabel = QLabel(ActionDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ActionDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.noteLabel = QLabel(ActionDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(ActionDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.sharingEditorLabel = QLabel(ActionDialog)
        self.sharingEditorLabel.setObjectName(u"sharingEditorLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sharingEditorLabel)

        self.sharingEditor = SharingTermsEditor(ActionDialog)
        self.sharingEditor.setObjectName(u"sharingEditor")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sharingEditor)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.dueLabel.setBuddy(self.dueEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.sharingEditorLabel.setBuddy(self.sharingEditor)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.descriptionEdit, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.sharingEditor)
        QWidget.setTabOrder(self.sharingEditor, self.buttonBox)

        self.retranslateUi(ActionDialog)

        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Action", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ActionDialog", u"&What is to be done:", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"What is to be done", None))
#endif // QT_CONFIG(accessibility)
        self.agencyLabel.setText(QCoreApplication.translate("ActionDialog", u"Owner a&gency:", None))
#if QT_CONFIG(accessibility)
        self.agencyCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Owner agency", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("ActionDialog", u"&Owner name:", None))
#if QT_CONFIG(accessibility)
        self.ownerCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Owner name", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("ActionDialog", u"&Due:", None))
#if QT_CONFIG(accessibility)
        self.dueEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Due date", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("ActionDialog", u"&Status:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("ActionDialog", u"&Completion note:", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Completion note", None))
#endif // QT_CONFIG(accessibility)
        self.sharingEditorLabel.setText(QCoreApplication.translate("ActionDialog", u"Shared with:", None))
#if QT_CONFIG(accessibility)
        self.sharingEditor.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Sharing terms", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("ActionDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

