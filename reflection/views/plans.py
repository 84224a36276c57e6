# Filled in by the plans work of issue 5.
urlpatterns = []
