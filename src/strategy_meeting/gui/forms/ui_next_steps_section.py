# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'next_steps_section.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.date_edit import (OptionalDateEdit, OptionalDateTimeEdit)

class Ui_NextStepsSection(object):
    def setupUi(self, NextStepsSection):
        if not NextStepsSection.objectName():
            NextStepsSection.setObjectName(u"NextStepsSection")
        self.mainLayout = QVBoxLayout(NextStepsSection)
        self.mainLayout.setObjectName(u"mainLayout")
        self.nextGroup = QGroupBox(NextStepsSection)
        self.nextGroup.setObjectName(u"nextGroup")
        self.nextForm = QFormLayout(self.nextGroup)
        self.nextForm.setObjectName(u"nextForm")
        self.nextForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.nextForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.icpcLabel = QLabel(self.nextGroup)
        self.icpcLabel.setObjectName(u"icpcLabel")

        self.nextForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.icpcLabel)

        self.icpcEdit = OptionalDateEdit(self.nextGroup)
        self.icpcEdit.setObjectName(u"icpcEdit")

        self.nextForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.icpcEdit)

        self.reviewLabel = QLabel(self.nextGroup)
        self.reviewLabel.setObjectName(u"reviewLabel")

        self.nextForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reviewLabel)

        self.reviewEdit = OptionalDateTimeEdit(self.nextGroup)
        self.reviewEdit.setObjectName(u"reviewEdit")

        self.nextForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reviewEdit)


        self.mainLayout.addWidget(self.nextGroup)

        self.planningGroup = QGroupBox(NextStepsSection)
        self.planningGroup.setObjectName(u"planningGroup")
        self.planningForm = QFormLayout(self.planningGroup)
        self.planningForm.setObjectName(u"planningForm")
        self.planningForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.planningForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.nationLabel = QLabel(self.planningGroup)
        self.nationLabel.setObjectName(u"nationLabel")

        self.planningForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nationLabel)

        self.nationCombo = QComboBox(self.planningGroup)
        self.nationCombo.setObjectName(u"nationCombo")

        self.planningForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nationCombo)

        self.criminalLabel = QLabel(self.planningGroup)
        self.criminalLabel.setObjectName(u"criminalLabel")

        self.planningForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.criminalLabel)

        self.criminalCombo = QComboBox(self.planningGroup)
        self.criminalCombo.setObjectName(u"criminalCombo")

        self.planningForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.criminalCombo)

        self.criminalTimingLabel = QLabel(self.planningGroup)
        self.criminalTimingLabel.setObjectName(u"criminalTimingLabel")

        self.planningForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.criminalTimingLabel)

        self.criminalTimingEdit = QLineEdit(self.planningGroup)
        self.criminalTimingEdit.setObjectName(u"criminalTimingEdit")

        self.planningForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.criminalTimingEdit)

        self.criminalLeadLabel = QLabel(self.planningGroup)
        self.criminalLeadLabel.setObjectName(u"criminalLeadLabel")

        self.planningForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.criminalLeadLabel)

        self.criminalLeadEdit = QLineEdit(self.planningGroup)
        self.criminalLeadEdit.setObjectName(u"criminalLeadEdit")

        self.planningForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.criminalLeadEdit)

        self.legalAdviceLabel = QLabel(self.planningGroup)
        self.legalAdviceLabel.setObjectName(u"legalAdviceLabel")

        self.planningForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.legalAdviceLabel)

        self.legalAdviceCombo = QComboBox(self.planningGroup)
        self.legalAdviceCombo.setObjectName(u"legalAdviceCombo")

        self.planningForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.legalAdviceCombo)

        self.legalMeetingLabel = QLabel(self.planningGroup)
        self.legalMeetingLabel.setObjectName(u"legalMeetingLabel")

        self.planningForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.legalMeetingLabel)

        self.legalMeetingCombo = QComboBox(self.planningGroup)
        self.legalMeetingCombo.setObjectName(u"legalMeetingCombo")

        self.planningForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.legalMeetingCombo)

        self.legalNotesLabel = QLabel(self.planningGroup)
        self.legalNotesLabel.setObjectName(u"legalNotesLabel")

        self.planningForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.legalNotesLabel)

        self.legalNotesEdit = QLineEdit(self.planningGroup)
        self.legalNotesEdit.setObjectName(u"legalNotesEdit")

        self.planningForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.legalNotesEdit)

        self.parentsNeedsLabel = QLabel(self.planningGroup)
        self.parentsNeedsLabel.setObjectName(u"parentsNeedsLabel")

        self.planningForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.parentsNeedsLabel)

        self.parentsNeedsEdit = QLineEdit(self.planningGroup)
        self.parentsNeedsEdit.setObjectName(u"parentsNeedsEdit")

        self.planningForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.parentsNeedsEdit)

        self.parentsInterpreterLabel = QLabel(self.planningGroup)
        self.parentsInterpreterLabel.setObjectName(u"parentsInterpreterLabel")

        self.planningForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.parentsInterpreterLabel)

        self.parentsInterpreterEdit = QLineEdit(self.planningGroup)
        self.parentsInterpreterEdit.setObjectName(u"parentsInterpreterEdit")

        self.planningForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.parentsInterpreterEdit)


        self.mainLayout.addWidget(self.planningGroup)

        self.familyGroup = QGroupBox(NextStepsSection)
        self.familyGroup.setObjectName(u"familyGroup")
        self.familyForm = QFormLayout(self.familyGroup)
        self.familyForm.setObjectName(u"familyForm")
        self.familyForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.familyForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.familyNextLabel = QLabel(self.familyGroup)
        self.familyNextLabel.setObjectName(u"familyNextLabel")

        self.familyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.familyNextLabel)

        self.familyNextEdit = QPlainTextEdit(self.familyGroup)
        self.familyNextEdit.setObjectName(u"familyNextEdit")
        self.familyNextEdit.setMaximumSize(QSize(16777215, 84))
        self.familyNextEdit.setTabChangesFocus(True)

        self.familyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.familyNextEdit)

        self.familyContactLabel = QLabel(self.familyGroup)
        self.familyContactLabel.setObjectName(u"familyContactLabel")

        self.familyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.familyContactLabel)

        self.familyContactEdit = QPlainTextEdit(self.familyGroup)
        self.familyContactEdit.setObjectName(u"familyContactEdit")
        self.familyContactEdit.setMaximumSize(QSize(16777215, 84))
        self.familyContactEdit.setTabChangesFocus(True)

        self.familyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.familyContactEdit)


        self.mainLayout.addWidget(self.familyGroup)

        self.hintLabel = QLabel(NextStepsSection)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.icpcLabel.setBuddy(self.icpcEdit)
        self.reviewLabel.setBuddy(self.reviewEdit)
        self.nationLabel.setBuddy(self.nationCombo)
        self.criminalLabel.setBuddy(self.criminalCombo)
        self.criminalTimingLabel.setBuddy(self.criminalTimingEdit)
        self.criminalLeadLabel.setBuddy(self.criminalLeadEdit)
        self.legalAdviceLabel.setBuddy(self.legalAdviceCombo)
        self.legalMeetingLabel.setBuddy(self.legalMeetingCombo)
        self.legalNotesLabel.setBuddy(self.legalNotesEdit)
        self.parentsNeedsLabel.setBuddy(self.parentsNeedsEdit)
        self.parentsInterpreterLabel.setBuddy(self.parentsInterpreterEdit)
        self.familyNextLabel.setBuddy(self.familyNextEdit)
        self.familyContactLabel.setBuddy(self.familyContactEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.icpcEdit, self.reviewEdit)
        QWidget.setTabOrder(self.reviewEdit, self.nationCombo)
        QWidget.setTabOrder(self.nationCombo, self.criminalCombo)
        QWidget.setTabOrder(self.criminalCombo, self.criminalTimingEdit)
        QWidget.setTabOrder(self.criminalTimingEdit, self.criminalLeadEdit)
        QWidget.setTabOrder(self.criminalLeadEdit, self.legalAdviceCombo)
        QWidget.setTabOrder(self.legalAdviceCombo, self.legalMeetingCombo)
        QWidget.setTabOrder(self.legalMeetingCombo, self.legalNotesEdit)
        QWidget.setTabOrder(self.legalNotesEdit, self.parentsNeedsEdit)
        QWidget.setTabOrder(self.parentsNeedsEdit, self.parentsInterpreterEdit)
        QWidget.setTabOrder(self.parentsInterpreterEdit, self.familyNextEdit)
        QWidget.setTabOrder(self.familyNextEdit, self.familyContactEdit)

        self.retranslateUi(NextStepsSection)

        QMetaObject.connectSlotsByName(NextStepsSection)
    # setupUi

    def retranslateUi(self, NextStepsSection):
        NextStepsSection.setWindowTitle(QCoreApplication.translate("NextStepsSection", u"Next steps", None))
        self.nextGroup.setTitle(QCoreApplication.translate("NextStepsSection", u"Next steps", None))
        self.icpcLabel.setText(QCoreApplication.translate("NextStepsSection", u"Initial child protection &conference by:", None))
#if QT_CONFIG(accessibility)
        self.icpcEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Initial child protection conference by", None))
#endif // QT_CONFIG(accessibility)
        self.reviewLabel.setText(QCoreApplication.translate("NextStepsSection", u"&Review or reconvened meeting:", None))
#if QT_CONFIG(accessibility)
        self.reviewEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Review or reconvened meeting", None))
#endif // QT_CONFIG(accessibility)
        self.planningGroup.setTitle(QCoreApplication.translate("NextStepsSection", u"Planning the enquiry", None))
        self.nationLabel.setText(QCoreApplication.translate("NextStepsSection", u"&Nation (whose bank holidays count):", None))
#if QT_CONFIG(accessibility)
        self.nationCombo.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Nation whose bank holidays count", None))
#endif // QT_CONFIG(accessibility)
        self.criminalLabel.setText(QCoreApplication.translate("NextStepsSection", u"Criminal &investigation:", None))
#if QT_CONFIG(accessibility)
        self.criminalCombo.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Criminal investigation", None))
#endif // QT_CONFIG(accessibility)
        self.criminalTimingLabel.setText(QCoreApplication.translate("NextStepsSection", u"&When it starts, and why:", None))
#if QT_CONFIG(accessibility)
        self.criminalTimingEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"When the criminal investigation starts, and why", None))
#endif // QT_CONFIG(accessibility)
        self.criminalLeadLabel.setText(QCoreApplication.translate("NextStepsSection", u"Who &leads it:", None))
#if QT_CONFIG(accessibility)
        self.criminalLeadEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Who leads the criminal investigation", None))
#endif // QT_CONFIG(accessibility)
        self.legalAdviceLabel.setText(QCoreApplication.translate("NextStepsSection", u"Legal &advice needed:", None))
#if QT_CONFIG(accessibility)
        self.legalAdviceCombo.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Legal advice needed", None))
#endif // QT_CONFIG(accessibility)
        self.legalMeetingLabel.setText(QCoreApplication.translate("NextStepsSection", u"Legal &planning meeting needed:", None))
#if QT_CONFIG(accessibility)
        self.legalMeetingCombo.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Legal planning meeting needed", None))
#endif // QT_CONFIG(accessibility)
        self.legalNotesLabel.setText(QCoreApplication.translate("NextStepsSection", u"Legal n&otes:", None))
#if QT_CONFIG(accessibility)
        self.legalNotesEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Legal notes", None))
#endif // QT_CONFIG(accessibility)
        self.parentsNeedsLabel.setText(QCoreApplication.translate("NextStepsSection", u"Parents' communication nee&ds:", None))
#if QT_CONFIG(accessibility)
        self.parentsNeedsEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Parents' communication needs", None))
#endif // QT_CONFIG(accessibility)
        self.parentsInterpreterLabel.setText(QCoreApplication.translate("NextStepsSection", u"Parents' in&terpreter (language):", None))
#if QT_CONFIG(accessibility)
        self.parentsInterpreterEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Parents' interpreter language", None))
#endif // QT_CONFIG(accessibility)
        self.familyGroup.setTitle(QCoreApplication.translate("NextStepsSection", u"For the family's copy (plain words; nothing agency-internal)", None))
        self.familyNextLabel.setText(QCoreApplication.translate("NextStepsSection", u"What &happens next:", None))
#if QT_CONFIG(accessibility)
        self.familyNextEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"What happens next, for the family's copy", None))
#endif // QT_CONFIG(accessibility)
        self.familyNextEdit.setPlaceholderText(QCoreApplication.translate("NextStepsSection", u"e.g. A social worker will visit you this week to explain what happens next.", None))
        self.familyContactLabel.setText(QCoreApplication.translate("NextStepsSection", u"Who the famil&y should contact:", None))
#if QT_CONFIG(accessibility)
        self.familyContactEdit.setAccessibleName(QCoreApplication.translate("NextStepsSection", u"Who the family should contact, for the family's copy", None))
#endif // QT_CONFIG(accessibility)
        self.familyContactEdit.setPlaceholderText(QCoreApplication.translate("NextStepsSection", u"e.g. Sam Carter, social worker, 01632 960123 (Monday to Friday, 9 to 5)", None))
        self.hintLabel.setText(QCoreApplication.translate("NextStepsSection", u"Working Together 2023: an initial child protection conference, if needed, is held within 15 working days of the strategy discussion.", None))
    # retranslateUi

