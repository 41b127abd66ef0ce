package io.flanks.console.common;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first comes over their control, not when the window is built.
 * A {@link Tooltip} is a popup control: the first one a JVM makes costs about 80 ms (its popup
 * and behaviour classes), the main window's dozen about 100 ms of the start, for text nobody
 * reads before hovering. A tooltip shows after the pointer rests on its control; the control's
 * first mouse-entered event installs it, and the moves after it show it as usual.
 */
public final class LazyTooltip {
    /** The property under which a cell keeps whether its item wants the shared tooltip. */
    private static final Object WANTED = new Object();

    private LazyTooltip() {
    }

    /**
     * A tooltip with this text, made when the pointer first enters {@code control}. The text is
     * the control's accessible help at once (a screen reader reads a control's tooltip as its
     * help, and would otherwise find none until the first hover).
     */
    public static void install(Control control, String text) {
        if (hasNoHelp(control)) {
            control.setAccessibleHelp(text);
        }
        install(control, () -> new Tooltip(text));
    }

    /**
     * One wrapping tooltip (at most {@value #WRAP_WIDTH} px wide) over all of {@code controls},
     * made when the pointer first enters one of them; its text follows {@code text}, and so does
     * each control's accessible help from now on.
     */
    public static void installWrapping(javafx.beans.value.ObservableValue<String> text, Control... controls) {
        for (Control c : controls) {
            if (hasNoHelp(c)) {
                c.accessibleHelpProperty().bind(text);
            }
        }
        shared(() -> {
            Tooltip t = wrapping();
            t.textProperty().bind(text);
            return t;
        }, controls);
    }

    /** As {@link #installWrapping(javafx.beans.value.ObservableValue, Control...)}, with a fixed text. */
    public static void installWrapping(String text, Control... controls) {
        for (Control c : controls) {
            if (hasNoHelp(c)) {
                c.setAccessibleHelp(text);
            }
        }
        shared(() -> {
            Tooltip t = wrapping();
            t.setText(text);
            return t;
        }, controls);
    }

    /** Whether the control's accessible help is still free for the tooltip's text (none set, none bound). */
    private static boolean hasNoHelp(Control c) {
        return c.getAccessibleHelp() == null && !c.accessibleHelpProperty().isBound();
    }

    /** How wide a wrapping tooltip gets before it wraps. */
    public static final double WRAP_WIDTH = 360;

    private static Tooltip wrapping() {
        Tooltip t = new Tooltip();
        t.setWrapText(true);
        t.setMaxWidth(WRAP_WIDTH);
        return t;
    }

    /** The tooltip {@code make} returns, made once, when the pointer first enters one of {@code controls}. */
    private static void shared(Supplier<Tooltip> make, Control... controls) {
        Tooltip[] made = new Tooltip[1];
        Supplier<Tooltip> once = () -> {
            if (made[0] == null) {
                made[0] = make.get();
            }
            return made[0];
        };
        for (Control c : controls) {
            install(c, once);
        }
    }

    /** The tooltip {@code make} returns, made when the pointer first enters {@code control}. */
    public static void install(Control control, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(make.get());
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }

    /**
     * One tooltip for every cell of a column, its text made for the cell it shows over, and made
     * itself when the pointer first enters a cell that wants it. A tooltip per cell meant some
     * 150 popup controls made and styled when the table first filled.
     */
    public static final class Shared {
        private final Function<Object, String> textForItem;
        private Tooltip tip;

        /** {@code textForItem}: the text over a cell, from that cell's item. */
        public Shared(Function<Object, String> textForItem) {
            this.textForItem = textForItem;
        }

        /** The tooltip itself (made now if it was not yet). */
        public Tooltip tooltip() {
            if (tip == null) {
                tip = new Tooltip();
            }
            return tip;
        }

        /**
         * Makes {@code cell} show the tooltip while it {@link #want wants} it; once, from the
         * cell's constructor. The text is set when the pointer enters the cell: JavaFX shows a
         * tooltip for its window, so the tooltip cannot tell which cell it is over when it shows.
         */
        public void attach(Cell<?> cell) {
            cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (cell.getProperties().get(WANTED) == Boolean.TRUE) {
                    cell.setTooltip(tooltip());
                    tip.setText(textForItem.apply(cell.getItem()));
                }
            });
        }

        /** Whether the cell's item wants the tooltip (from its {@code updateItem}). */
        public void want(Cell<?> cell, boolean wanted) {
            if (cell.getProperties().get(WANTED) != Boolean.valueOf(wanted)) {
                cell.getProperties().put(WANTED, wanted);
            }
            cell.setTooltip(wanted && tip != null ? tip : null);
            if (wanted && tip != null && cell.isHover()) { // another item under a resting pointer
                tip.setText(textForItem.apply(cell.getItem()));
            }
        }
    }
}
