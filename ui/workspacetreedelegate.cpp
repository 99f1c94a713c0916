#include "workspacetreedelegate.h"

#include "model/workspacetreemodel.h"
#include "util/diagnostic.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>

namespace Tokenbench::Ui {

using Core::WorkspaceTreeModel;

namespace {

int problemCount(const QModelIndex& index)
{
    return index.data(WorkspaceTreeModel::ProblemCountRole).toInt();
}

QRect badgeRect(const QStyleOptionViewItem& option, const QString& text)
{
    const QFontMetrics fm(option.font);
    const int height = fm.height();
    const int width = qMax(height, fm.horizontalAdvance(text) + height / 2 + 4);
    return QRect(option.rect.right() - width - 4, option.rect.center().y() - height / 2, width, height);
}

} // namespace

QColor WorkspaceTreeDelegate::badgeColor(int severity, bool darkPalette)
{
    if (severity == int(Core::Diagnostic::Severity::Error))
        return darkPalette ? QColor(0xf0, 0x6a, 0x6a) : QColor(0xc0, 0x20, 0x20);
    if (severity == int(Core::Diagnostic::Severity::Warning))
        return darkPalette ? QColor(0xe8, 0xb8, 0x40) : QColor(0xa8, 0x6a, 0x00);
    return {};
}

void WorkspaceTreeDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString kind = index.data(WorkspaceTreeModel::KindRole).toString();
    static const QIcon backend(QStringLiteral(":/icons/backend.svg"));
    static const QIcon oauth2(QStringLiteral(":/icons/oauth2.svg"));
    static const QIcon block(QStringLiteral(":/icons/block.svg"));
    option->icon = kind == u"backend" ? backend : kind == u"oauth2" ? oauth2 : block;
    option->features |= QStyleOptionViewItem::HasDecoration;
}

void WorkspaceTreeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int count = problemCount(index);
    QStyleOptionViewItem opt = option;
    const QString text = QString::number(count);
    if (count > 0)
        opt.rect.setRight(badgeRect(option, text).left() - 2); // the label never runs under the badge
    QStyledItemDelegate::paint(painter, opt, index);
    if (count <= 0)
        return;
    const int severity = index.data(WorkspaceTreeModel::SeverityRole).toInt();
    const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
    const QColor color = badgeColor(severity, dark);
    if (!color.isValid())
        return;
    const QRect r = badgeRect(option, text);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(r, r.height() / 2.0, r.height() / 2.0);
    painter->setPen(dark ? QColor(0x10, 0x10, 0x10) : QColor(Qt::white));
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(r, Qt::AlignCenter, text);
    painter->restore();
}

QSize WorkspaceTreeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (const int count = problemCount(index); count > 0)
        size.rwidth() += badgeRect(option, QString::number(count)).width() + 8;
    return size;
}

} // namespace Tokenbench::Ui
