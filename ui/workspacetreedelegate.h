#pragma once

#include <QStyledItemDelegate>

namespace Tokenbench::Ui {

// The workspace tree's rows: an icon per block kind, and a problem badge at the right edge — the number
// of problems on a pill coloured by the worst severity (red for errors, amber for warnings), readable in
// light and dark palettes.
class WorkspaceTreeDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The badge's colour for a Diagnostic::Severity (as an int); invalid for none. Dark palettes get lighter
    // shades.
    static QColor badgeColor(int severity, bool darkPalette);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace Tokenbench::Ui
