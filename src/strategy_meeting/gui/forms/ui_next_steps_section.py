# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'next_steps_section.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

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

        self.hintLabel = QLabel(NextStepsSection)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.icpcLabel.setBuddy(self.icpcEdit)
        self.reviewLabel.setBuddy(self.reviewEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.icpcEdit, self.reviewEdit)

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
        self.hintLabel.setText(QCoreApplication.translate("NextStepsSection", u"Working Together 2023: an initial child protection conference, if needed, is held within 15 working days of the strategy discussion.", None))
    # retranslateUi

