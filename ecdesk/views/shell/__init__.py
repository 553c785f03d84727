"""The shell: main window, launcher, navigation, the page registry and ShopContext (the
only view code that may reach every capability's views)."""
