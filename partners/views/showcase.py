# Filled in by the showcase work of issue 3.
urlpatterns = []
