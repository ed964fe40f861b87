# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contribution_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.sharing_terms_editor import SharingTermsEditor

class Ui_ContributionDialog(object):
    def setupUi(self, ContributionDialog):
        if not ContributionDialog.objectName():
            ContributionDialog.setObjectName(u"ContributionDialog")
        ContributionDialog.setMinimumSize(QSize(640, 0))
        self.mainLayout = QVBoxLayout(ContributionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.agencyLabel = QLabel(ContributionDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(ContributionDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.authorLabel = QLabel(ContributionDialog)
        self.authorLabel.setObjectName(u"authorLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.authorEdit = QLineEdit(ContributionDialog)
        self.authorEdit.setObjectName(u"authorEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.authorEdit)

        self.topicLabel = QLabel(ContributionDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicCombo = QComboBox(ContributionDialog)
        self.topicCombo.setObjectName(u"topicCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.topicCombo)

        self.textLabel = QLabel(ContributionDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textEdit = QPlainTextEdit(ContributionDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.sharingEditorLabel = QLabel(ContributionDialog)
        self.sharingEditorLabel.setObjectName(u"sharingEditorLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sharingEditorLabel)

        self.sharingEditor = SharingTermsEditor(ContributionDialog)
        self.sharingEditor.setObjectName(u"sharingEditor")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sharingEditor)

        self.receivedLabel = QLabel(ContributionDialog)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedCombo = QComboBox(ContributionDialog)
        self.receivedCombo.setObjectName(u"receivedCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.receivedCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ContributionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ContributionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.authorLabel.setBuddy(self.authorEdit)
        self.topicLabel.setBuddy(self.topicCombo)
        self.textLabel.setBuddy(self.textEdit)
        self.sharingEditorLabel.setBuddy(self.sharingEditor)
        self.receivedLabel.setBuddy(self.receivedCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.agencyCombo, self.authorEdit)
        QWidget.setTabOrder(self.authorEdit, self.topicCombo)
        QWidget.setTabOrder(self.topicCombo, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.sharingEditor)
        QWidget.setTabOrder(self.sharingEditor, self.receivedCombo)
        QWidget.setTabOrder(self.receivedCombo, self.buttonBox)

        self.retranslateUi(ContributionDialog)

        QMetaObject.connectSlotsByName(ContributionDialog)
    # setupUi

    def retranslateUi(self, ContributionDialog):
        ContributionDialog.setWindowTitle(QCoreApplication.translate("ContributionDialog", u"Contribution", None))
        self.agencyLabel.setText(QCoreApplication.translate("ContributionDialog", u"A&gency:", None))
#if QT_CONFIG(accessibility)
        self.agencyCombo.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"Agency that gave it", None))
#endif // QT_CONFIG(accessibility)
        self.authorLabel.setText(QCoreApplication.translate("ContributionDialog", u"A&uthor:", None))
#if QT_CONFIG(accessibility)
        self.authorEdit.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"Author", None))
#endif // QT_CONFIG(accessibility)
        self.topicLabel.setText(QCoreApplication.translate("ContributionDialog", u"&Topic:", None))
#if QT_CONFIG(accessibility)
        self.topicCombo.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"Topic", None))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(QCoreApplication.translate("ContributionDialog", u"&What was shared:", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"What was shared", None))
#endif // QT_CONFIG(accessibility)
        self.sharingEditorLabel.setText(QCoreApplication.translate("ContributionDialog", u"Sharing:", None))
#if QT_CONFIG(accessibility)
        self.sharingEditor.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"Sharing terms", None))
#endif // QT_CONFIG(accessibility)
        self.receivedLabel.setText(QCoreApplication.translate("ContributionDialog", u"&Received:", None))
#if QT_CONFIG(accessibility)
        self.receivedCombo.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"How it arrived", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"Problem with this form", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setStyleSheet(QCoreApplication.translate("ContributionDialog", u"color: #b3261e;", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("ContributionDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

