# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'parents_informed_section.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from strategy_meeting.gui.widgets.date_edit import OptionalDateTimeEdit

class Ui_ParentsInformedSection(object):
    def setupUi(self, ParentsInformedSection):
        if not ParentsInformedSection.objectName():
            ParentsInformedSection.setObjectName(u"ParentsInformedSection")
        self.mainLayout = QVBoxLayout(ParentsInformedSection)
        self.mainLayout.setObjectName(u"mainLayout")
        self.hintLabel = QLabel(ParentsInformedSection)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.toldGroup = QGroupBox(ParentsInformedSection)
        self.toldGroup.setObjectName(u"toldGroup")
        self.toldForm = QFormLayout(self.toldGroup)
        self.toldForm.setObjectName(u"toldForm")
        self.toldForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.toldForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.whenLabel = QLabel(self.toldGroup)
        self.whenLabel.setObjectName(u"whenLabel")

        self.toldForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.whenEdit = OptionalDateTimeEdit(self.toldGroup)
        self.whenEdit.setObjectName(u"whenEdit")

        self.toldForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.whenEdit)

        self.howLabel = QLabel(self.toldGroup)
        self.howLabel.setObjectName(u"howLabel")

        self.toldForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.howLabel)

        self.howEdit = QLineEdit(self.toldGroup)
        self.howEdit.setObjectName(u"howEdit")

        self.toldForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.howEdit)

        self.byLabel = QLabel(self.toldGroup)
        self.byLabel.setObjectName(u"byLabel")

        self.toldForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byEdit = QLineEdit(self.toldGroup)
        self.byEdit.setObjectName(u"byEdit")

        self.toldForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.byEdit)


        self.mainLayout.addWidget(self.toldGroup)

        self.delayGroup = QGroupBox(ParentsInformedSection)
        self.delayGroup.setObjectName(u"delayGroup")
        self.delayForm = QFormLayout(self.delayGroup)
        self.delayForm.setObjectName(u"delayForm")
        self.delayForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.delayForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.delayLabel = QLabel(self.delayGroup)
        self.delayLabel.setObjectName(u"delayLabel")

        self.delayForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.delayLabel)

        self.delayEdit = QPlainTextEdit(self.delayGroup)
        self.delayEdit.setObjectName(u"delayEdit")
        self.delayEdit.setTabChangesFocus(True)

        self.delayForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.delayEdit)


        self.mainLayout.addWidget(self.delayGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.whenLabel.setBuddy(self.whenEdit)
        self.howLabel.setBuddy(self.howEdit)
        self.byLabel.setBuddy(self.byEdit)
        self.delayLabel.setBuddy(self.delayEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.whenEdit, self.howEdit)
        QWidget.setTabOrder(self.howEdit, self.byEdit)
        QWidget.setTabOrder(self.byEdit, self.delayEdit)

        self.retranslateUi(ParentsInformedSection)

        QMetaObject.connectSlotsByName(ParentsInformedSection)
    # setupUi

    def retranslateUi(self, ParentsInformedSection):
        ParentsInformedSection.setWindowTitle(QCoreApplication.translate("ParentsInformedSection", u"Parents and carers informed", None))
        self.hintLabel.setText(QCoreApplication.translate("ParentsInformedSection", u"Record when, how and by whom the parents or carers were (or will be) told. If telling them must wait, for instance for a police investigation, say why.", None))
        self.toldGroup.setTitle(QCoreApplication.translate("ParentsInformedSection", u"Told", None))
        self.whenLabel.setText(QCoreApplication.translate("ParentsInformedSection", u"&When:", None))
#if QT_CONFIG(accessibility)
        self.whenEdit.setAccessibleName(QCoreApplication.translate("ParentsInformedSection", u"When parents were told", None))
#endif // QT_CONFIG(accessibility)
        self.howLabel.setText(QCoreApplication.translate("ParentsInformedSection", u"&How:", None))
#if QT_CONFIG(accessibility)
        self.howEdit.setAccessibleName(QCoreApplication.translate("ParentsInformedSection", u"How parents were told", None))
#endif // QT_CONFIG(accessibility)
        self.howEdit.setPlaceholderText(QCoreApplication.translate("ParentsInformedSection", u"e.g. home visit, telephone", None))
        self.byLabel.setText(QCoreApplication.translate("ParentsInformedSection", u"&By:", None))
#if QT_CONFIG(accessibility)
        self.byEdit.setAccessibleName(QCoreApplication.translate("ParentsInformedSection", u"Told by", None))
#endif // QT_CONFIG(accessibility)
        self.byEdit.setPlaceholderText(QCoreApplication.translate("ParentsInformedSection", u"name or agency", None))
        self.delayGroup.setTitle(QCoreApplication.translate("ParentsInformedSection", u"Or delayed", None))
        self.delayLabel.setText(QCoreApplication.translate("ParentsInformedSection", u"&Reason for delay:", None))
#if QT_CONFIG(accessibility)
        self.delayEdit.setAccessibleName(QCoreApplication.translate("ParentsInformedSection", u"Reason telling parents is delayed", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

