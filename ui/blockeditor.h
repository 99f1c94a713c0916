#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QUndoStack;

namespace Tokenbench::Core {
class Workspace;
struct Block;
}

namespace Tokenbench::Ui {

// The base of every block editor: the fields of a Designer form (each input carries an `attribute`
// property naming the Couper attribute it edits) are loaded from the workspace model and every edit is
// pushed to the undo stack as a command; diagnostics appear under the field they concern.
class BlockEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockEditor)

public:
    // `blockType` is "" for the backend's own attributes, else the child block type ("oauth2").
    BlockEditor(const QString& blockType, QWidget* parent = nullptr);
    ~BlockEditor() override;

    void setTarget(Core::Workspace* workspace, int backendRow, QUndoStack* undoStack);
    int backendRow() const { return m_row; }
    QString blockType() const { return m_blockType; }
    // Focuses the field of `attribute` (from the Problems view); false when the editor has none.
    bool focusAttribute(const QString& attribute);
    QWidget* field(const QString& attribute) const { return m_fields.value(attribute); }
    // The grey "= value" line under a field whose source is an expression (hidden otherwise).
    QLabel* valueLabel(const QString& attribute) const { return m_values.value(attribute); }

Q_SIGNALS:
    void runRequested();

protected:
    // Editors of one of several labelled blocks retarget by selector ("beta_token_request:cc").
    void setBlockSelector(const QString& selector) { m_blockType = selector; }
    // Call once after setupUi: finds the fields and adds a problem label under each.
    void bindFields();
    QString value(const QString& attribute) const;
    void setValue(const QString& attribute, const QString& value);
    // Shows only the fields that apply; override to hide rows.
    virtual void updateVisibility() {}
    virtual void loaded() {}
    // An edit of a field before it becomes an undo command: return true when the editor handled it (e.g. as
    // a structural edit), false for the ordinary attribute edit.
    virtual bool editField(const QString& attribute, const QString& text)
    {
        Q_UNUSED(attribute);
        Q_UNUSED(text);
        return false;
    }
    // The block this editor edits (nullptr when there is none).
    const Core::Block* block() const;
    Core::Workspace* workspace() const;
    QUndoStack* undoStack() const;
    void setFieldVisible(const QString& attribute, bool visible);
    // Ctrl+Z in a field undoes through the workspace's undo stack, not the field's own history.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void load();
    void loadField(const QString& attribute);
    void showDiagnostics();
    void showValue(const QString& attribute);
    void onFieldEdited(const QString& attribute, const QString& text);

    QString m_blockType;
    QPointer<Core::Workspace> m_workspace;
    QPointer<QUndoStack> m_undo;
    int m_row = -1;
    bool m_loading = false;
    QHash<QString, QWidget*> m_fields;
    QHash<QString, QLabel*> m_problems;
    QHash<QString, QLabel*> m_values;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Tokenbench::Ui
