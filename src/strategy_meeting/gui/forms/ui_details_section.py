# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'details_section.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGridLayout, QGroupBox, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from strategy_meeting.gui.widgets.date_edit import OptionalDateTimeEdit

class Ui_DetailsSection(object):
    def setupUi(self, DetailsSection):
        if not DetailsSection.objectName():
            DetailsSection.setObjectName(u"DetailsSection")
        self.mainLayout = QVBoxLayout(DetailsSection)
        self.mainLayout.setObjectName(u"mainLayout")
        self.meetingGroup = QGroupBox(DetailsSection)
        self.meetingGroup.setObjectName(u"meetingGroup")
        self.meetingForm = QFormLayout(self.meetingGroup)
        self.meetingForm.setObjectName(u"meetingForm")
        self.meetingForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.meetingForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.referenceLabel = QLabel(self.meetingGroup)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.meetingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.referenceEdit = QLineEdit(self.meetingGroup)
        self.referenceEdit.setObjectName(u"referenceEdit")
        self.referenceEdit.setReadOnly(True)

        self.meetingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.kindLabel = QLabel(self.meetingGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.meetingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.meetingGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.meetingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.formatLabel = QLabel(self.meetingGroup)
        self.formatLabel.setObjectName(u"formatLabel")

        self.meetingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(self.meetingGroup)
        self.formatCombo.setObjectName(u"formatCombo")

        self.meetingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.heldAtLabel = QLabel(self.meetingGroup)
        self.heldAtLabel.setObjectName(u"heldAtLabel")

        self.meetingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.heldAtLabel)

        self.heldAtEdit = OptionalDateTimeEdit(self.meetingGroup)
        self.heldAtEdit.setObjectName(u"heldAtEdit")

        self.meetingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.heldAtEdit)

        self.locationLabel = QLabel(self.meetingGroup)
        self.locationLabel.setObjectName(u"locationLabel")

        self.meetingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(self.meetingGroup)
        self.locationEdit.setObjectName(u"locationEdit")

        self.meetingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.chairNameLabel = QLabel(self.meetingGroup)
        self.chairNameLabel.setObjectName(u"chairNameLabel")

        self.meetingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.chairNameLabel)

        self.chairNameEdit = QLineEdit(self.meetingGroup)
        self.chairNameEdit.setObjectName(u"chairNameEdit")

        self.meetingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.chairNameEdit)

        self.chairRoleLabel = QLabel(self.meetingGroup)
        self.chairRoleLabel.setObjectName(u"chairRoleLabel")

        self.meetingForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.chairRoleLabel)

        self.chairRoleEdit = QLineEdit(self.meetingGroup)
        self.chairRoleEdit.setObjectName(u"chairRoleEdit")

        self.meetingForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.chairRoleEdit)

        self.minuteTakerLabel = QLabel(self.meetingGroup)
        self.minuteTakerLabel.setObjectName(u"minuteTakerLabel")

        self.meetingForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.minuteTakerLabel)

        self.minuteTakerEdit = QLineEdit(self.meetingGroup)
        self.minuteTakerEdit.setObjectName(u"minuteTakerEdit")

        self.meetingForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.minuteTakerEdit)


        self.mainLayout.addWidget(self.meetingGroup)

        self.referralGroup = QGroupBox(DetailsSection)
        self.referralGroup.setObjectName(u"referralGroup")
        self.referralForm = QFormLayout(self.referralGroup)
        self.referralForm.setObjectName(u"referralForm")
        self.referralForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.referralForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.receivedAtLabel = QLabel(self.referralGroup)
        self.receivedAtLabel.setObjectName(u"receivedAtLabel")

        self.referralForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receivedAtLabel)

        self.receivedAtEdit = OptionalDateTimeEdit(self.referralGroup)
        self.receivedAtEdit.setObjectName(u"receivedAtEdit")

        self.referralForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receivedAtEdit)

        self.sourceLabel = QLabel(self.referralGroup)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.referralForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceCombo = QComboBox(self.referralGroup)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.referralForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sourceCombo)

        self.categoriesLabel = QLabel(self.referralGroup)
        self.categoriesLabel.setObjectName(u"categoriesLabel")

        self.referralForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoriesLabel)

        self.categoriesBox = QWidget(self.referralGroup)
        self.categoriesBox.setObjectName(u"categoriesBox")
        self.categoriesLayout = QGridLayout(self.categoriesBox)
        self.categoriesLayout.setObjectName(u"categoriesLayout")
        self.categoriesLayout.setContentsMargins(0, 0, 0, 0)
        self.physicalCheck = QCheckBox(self.categoriesBox)
        self.physicalCheck.setObjectName(u"physicalCheck")

        self.categoriesLayout.addWidget(self.physicalCheck, 0, 0, 1, 1)

        self.sexualCheck = QCheckBox(self.categoriesBox)
        self.sexualCheck.setObjectName(u"sexualCheck")

        self.categoriesLayout.addWidget(self.sexualCheck, 0, 1, 1, 1)

        self.emotionalCheck = QCheckBox(self.categoriesBox)
        self.emotionalCheck.setObjectName(u"emotionalCheck")

        self.categoriesLayout.addWidget(self.emotionalCheck, 0, 2, 1, 1)

        self.neglectCheck = QCheckBox(self.categoriesBox)
        self.neglectCheck.setObjectName(u"neglectCheck")

        self.categoriesLayout.addWidget(self.neglectCheck, 1, 0, 1, 1)

        self.otherCheck = QCheckBox(self.categoriesBox)
        self.otherCheck.setObjectName(u"otherCheck")

        self.categoriesLayout.addWidget(self.otherCheck, 1, 1, 1, 1)


        self.referralForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.categoriesBox)

        self.reasonLabel = QLabel(self.referralGroup)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.referralForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(self.referralGroup)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.referralForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addWidget(self.referralGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.referenceLabel.setBuddy(self.referenceEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.formatLabel.setBuddy(self.formatCombo)
        self.heldAtLabel.setBuddy(self.heldAtEdit)
        self.locationLabel.setBuddy(self.locationEdit)
        self.chairNameLabel.setBuddy(self.chairNameEdit)
        self.chairRoleLabel.setBuddy(self.chairRoleEdit)
        self.minuteTakerLabel.setBuddy(self.minuteTakerEdit)
        self.receivedAtLabel.setBuddy(self.receivedAtEdit)
        self.sourceLabel.setBuddy(self.sourceCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.referenceEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.formatCombo)
        QWidget.setTabOrder(self.formatCombo, self.heldAtEdit)
        QWidget.setTabOrder(self.heldAtEdit, self.locationEdit)
        QWidget.setTabOrder(self.locationEdit, self.chairNameEdit)
        QWidget.setTabOrder(self.chairNameEdit, self.chairRoleEdit)
        QWidget.setTabOrder(self.chairRoleEdit, self.minuteTakerEdit)
        QWidget.setTabOrder(self.minuteTakerEdit, self.receivedAtEdit)
        QWidget.setTabOrder(self.receivedAtEdit, self.sourceCombo)
        QWidget.setTabOrder(self.sourceCombo, self.physicalCheck)
        QWidget.setTabOrder(self.physicalCheck, self.sexualCheck)
        QWidget.setTabOrder(self.sexualCheck, self.emotionalCheck)
        QWidget.setTabOrder(self.emotionalCheck, self.neglectCheck)
        QWidget.setTabOrder(self.neglectCheck, self.otherCheck)
        QWidget.setTabOrder(self.otherCheck, self.reasonEdit)

        self.retranslateUi(DetailsSection)

        QMetaObject.connectSlotsByName(DetailsSection)
    # setupUi

    def retranslateUi(self, DetailsSection):
        DetailsSection.setWindowTitle(QCoreApplication.translate("DetailsSection", u"Details and referral", None))
        self.meetingGroup.setTitle(QCoreApplication.translate("DetailsSection", u"Meeting", None))
        self.referenceLabel.setText(QCoreApplication.translate("DetailsSection", u"Reference:", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("DetailsSection", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Kind of meeting", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("DetailsSection", u"&Format:", None))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Format", None))
#endif // QT_CONFIG(accessibility)
        self.heldAtLabel.setText(QCoreApplication.translate("DetailsSection", u"&Held at:", None))
#if QT_CONFIG(accessibility)
        self.heldAtEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Held at", None))
#endif // QT_CONFIG(accessibility)
        self.locationLabel.setText(QCoreApplication.translate("DetailsSection", u"&Location:", None))
#if QT_CONFIG(accessibility)
        self.locationEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Location", None))
#endif // QT_CONFIG(accessibility)
        self.chairNameLabel.setText(QCoreApplication.translate("DetailsSection", u"&Chair:", None))
#if QT_CONFIG(accessibility)
        self.chairNameEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Chair's name", None))
#endif // QT_CONFIG(accessibility)
        self.chairRoleLabel.setText(QCoreApplication.translate("DetailsSection", u"Chair's &role:", None))
#if QT_CONFIG(accessibility)
        self.chairRoleEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Chair's role", None))
#endif // QT_CONFIG(accessibility)
        self.minuteTakerLabel.setText(QCoreApplication.translate("DetailsSection", u"Min&ute taker:", None))
#if QT_CONFIG(accessibility)
        self.minuteTakerEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Minute taker's name", None))
#endif // QT_CONFIG(accessibility)
        self.referralGroup.setTitle(QCoreApplication.translate("DetailsSection", u"Referral", None))
        self.receivedAtLabel.setText(QCoreApplication.translate("DetailsSection", u"Recei&ved at:", None))
#if QT_CONFIG(accessibility)
        self.receivedAtEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Referral received at", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("DetailsSection", u"&Source agency:", None))
#if QT_CONFIG(accessibility)
        self.sourceCombo.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Referring agency", None))
#endif // QT_CONFIG(accessibility)
        self.categoriesLabel.setText(QCoreApplication.translate("DetailsSection", u"Categories of concern:", None))
#if QT_CONFIG(accessibility)
        self.categoriesBox.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Categories of concern", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.physicalCheck.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Physical abuse", None))
#endif // QT_CONFIG(accessibility)
        self.physicalCheck.setText(QCoreApplication.translate("DetailsSection", u"&Physical abuse", None))
#if QT_CONFIG(accessibility)
        self.sexualCheck.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Sexual abuse", None))
#endif // QT_CONFIG(accessibility)
        self.sexualCheck.setText(QCoreApplication.translate("DetailsSection", u"Se&xual abuse", None))
#if QT_CONFIG(accessibility)
        self.emotionalCheck.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Emotional abuse", None))
#endif // QT_CONFIG(accessibility)
        self.emotionalCheck.setText(QCoreApplication.translate("DetailsSection", u"Em&otional abuse", None))
#if QT_CONFIG(accessibility)
        self.neglectCheck.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Neglect", None))
#endif // QT_CONFIG(accessibility)
        self.neglectCheck.setText(QCoreApplication.translate("DetailsSection", u"&Neglect", None))
#if QT_CONFIG(accessibility)
        self.otherCheck.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Other", None))
#endif // QT_CONFIG(accessibility)
        self.otherCheck.setText(QCoreApplication.translate("DetailsSection", u"O&ther", None))
        self.reasonLabel.setText(QCoreApplication.translate("DetailsSection", u"Reason in &words:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("DetailsSection", u"Reason for the referral", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

